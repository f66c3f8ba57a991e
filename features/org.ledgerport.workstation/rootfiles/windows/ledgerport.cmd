@echo off
rem Starts the Ledgerport workstation. Maven Central has no native Eclipse launcher, so this script runs the
rem Equinox launcher jar with the VM arguments the product needs. Java 21 or newer is taken from
rem LEDGERPORT_JAVA, then JAVA_HOME, then the PATH.
setlocal
set "HERE=%~dp0"
set "JAVA="
if defined LEDGERPORT_JAVA set "JAVA=%LEDGERPORT_JAVA%"
if not defined JAVA if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\javaw.exe"
if not defined JAVA for %%J in (javaw.exe) do set "JAVA=%%~$PATH:J"
if not defined JAVA (
  echo Ledgerport needs Java 21 or newer: install one and set JAVA_HOME to it.
  exit /b 1
)
set "LAUNCHER="
for %%L in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fL"
if not defined LAUNCHER (
  echo The Equinox launcher jar is missing from %HERE%plugins: this installation is incomplete.
  exit /b 1
)
rem Connector bundles copied into dropins\ are installed and started while the workstation runs.
start "Ledgerport" "%JAVA%" -Dosgi.requiredJavaVersion=21 -Xms128m -Xmx1g ^
  "-Dfelix.fileinstall.dir=%HERE%dropins" -Dfelix.fileinstall.poll=1000 ^
  -Dfelix.fileinstall.noInitialDelay=true -Dfelix.fileinstall.bundles.new.start=true ^
  "-Dfelix.fileinstall.filter=.*\.jar" ^
  -Dfelix.fileinstall.log.level=3 %LEDGERPORT_VMARGS% -jar "%LAUNCHER%" %*
