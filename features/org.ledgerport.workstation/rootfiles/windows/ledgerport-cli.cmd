@echo off
rem Ledgerport on the command line: imports and exports invoices and reports on exports, headless, with the
rem workstation's own engine and database. It runs the same Equinox launcher as ledgerport.cmd, with the
rem command-line application instead of the workbench, in this console. Arguments go to the command
rem (ledgerport-cli --help lists them); -data DIR uses another workspace. Java 21 or newer is taken from
rem LEDGERPORT_JAVA, then JAVA_HOME, then the PATH. The exit code is the command's: 0 done, 1 something
rem failed, 2 wrong command line, 3 could not run.
setlocal
set "HERE=%~dp0"
set "JAVA="
if defined LEDGERPORT_JAVA set "JAVA=%LEDGERPORT_JAVA%"
if not defined JAVA if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for %%J in (java.exe) do set "JAVA=%%~$PATH:J"
if not defined JAVA (
  echo Ledgerport needs Java 21 or newer: install one and set JAVA_HOME to it. 1>&2
  exit /b 3
)
set "LAUNCHER="
for %%L in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fL"
if not defined LAUNCHER (
  echo The Equinox launcher jar is missing from %HERE%plugins: this installation is incomplete. 1>&2
  exit /b 3
)
rem Connector bundles in dropins\ are installed at start, as in the workstation; its messages go to standard
rem error, errors only, so that standard output holds the command's output alone (--json). java.exe (not
rem javaw.exe) keeps the console, and runs in the foreground so that its exit code can be passed on.
"%JAVA%" -Dosgi.requiredJavaVersion=21 -Djava.awt.headless=true -Xms64m -Xmx1g ^
  "-Dfelix.fileinstall.dir=%HERE%dropins" -Dfelix.fileinstall.poll=1000 ^
  -Dfelix.fileinstall.noInitialDelay=true -Dfelix.fileinstall.bundles.new.start=true ^
  "-Dfelix.fileinstall.filter=.*\.jar" ^
  -Dfelix.fileinstall.log.level=1 -Dfelix.fileinstall.log.default=jul %LEDGERPORT_VMARGS% -jar "%LAUNCHER%" ^
  -application org.ledgerport.cli.cli -nosplash %*
exit /b %ERRORLEVEL%
