package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MKeyBinding;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledToolItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.junit.jupiter.api.Test;
import org.ledgerport.ui.CommandIds;

/**
 * Every model fragment of the workstation's UI bundles is merged into the application: a fragment that does
 * not load (a typo in its XML) would otherwise only show as a menu, view or key that is silently missing.
 */
class WorkbenchModelTest {

    @Test
    void everyFragmentsCommandsViewsAndKeysAreInTheApplication() throws Exception {
        try (RunningWorkbench workbench = RunningWorkbench.start()) {
            MApplication application = workbench.application();
            Set<String> commands = workbench.onUi(() -> application.getCommands().stream()
                    .map(MCommand::getElementId).collect(Collectors.toSet()));
            for (String command : List.of("org.ledgerport.app.command.quit", "org.ledgerport.ui.command.showView",
                    "org.ledgerport.ui.command.theme", "org.ledgerport.ui.command.openInvoice",
                    "org.ledgerport.ui.command.saveInvoice", "org.ledgerport.ui.command.refresh",
                    "org.ledgerport.ui.command.export.run", "org.ledgerport.ui.command.export.check",
                    "org.ledgerport.connect.command.newConnection", "org.ledgerport.connect.command.editConnection",
                    "org.ledgerport.connect.command.reconnect", CommandIds.REFRESH_STATUS,
                    CommandIds.USERS_AND_ROLES)) {
                assertTrue(commands.contains(command), command + " is defined; the application has " + commands);
            }
            Set<String> descriptors = workbench.onUi(() -> application.getDescriptors().stream()
                    .map(MPartDescriptor::getElementId).collect(Collectors.toSet()));
            assertEquals(Set.of("org.ledgerport.ui.partdescriptor.invoiceEditor",
                    "org.ledgerport.connect.part.connections"), descriptors);
            Set<String> keys = workbench.onUi(() -> application.getBindingTables().stream()
                    .flatMap(table -> table.getBindings().stream()).map(MKeyBinding::getKeySequence)
                    .collect(Collectors.toSet()));
            assertTrue(keys.containsAll(Set.of("M1+1", "M1+5", "M1+F", "F5", "M1+S", "M1+E", "M1+M2+K", "M1+N",
                    "M1+Q", "M1+F5", "M1+M2+U")), "every action has its key: " + keys);
            List<String> toolItems = workbench.onUi(() -> {
                EModelService models = application.getContext().get(EModelService.class);
                return models.findElements(application, null, MHandledToolItem.class).stream()
                        .filter(item -> item.getParent() != null
                                && "org.ledgerport.app.toolbar.main".equals(item.getParent().getElementId()))
                        .map(item -> item.getCommand().getElementId()).toList();
            });
            assertTrue(toolItems.containsAll(List.of("org.ledgerport.ui.command.export.check",
                    "org.ledgerport.ui.command.export.run", CommandIds.REFRESH_STATUS)),
                    "Check, Export and Refresh Status on the main toolbar: " + toolItems);
            Set<String> fileMenu = workbench.onUi(() -> {
                EModelService models = application.getContext().get(EModelService.class);
                return models.findElements(application, null, MHandledMenuItem.class, null,
                        EModelService.ANYWHERE | EModelService.IN_MAIN_MENU).stream()
                        .filter(item -> item.getParent() != null
                                && "org.ledgerport.app.menu.file".equals(item.getParent().getElementId()))
                        .map(item -> item.getCommand().getElementId()).collect(Collectors.toSet());
            });
            assertTrue(fileMenu.contains(CommandIds.USERS_AND_ROLES), "File > Users and Roles: " + fileMenu);
        }
    }
}
