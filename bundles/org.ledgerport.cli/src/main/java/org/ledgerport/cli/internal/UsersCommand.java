package org.ledgerport.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Role;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code users}: the workstation's users and their roles; an owner gives and takes roles with --set and --remove. */
final class UsersCommand implements Command {

    private static final String ROLE_WORDS = Arrays.stream(Role.values()).map(Words::role)
            .collect(Collectors.joining("|"));
    private static final Option SET = Option.value("--set", "NAME", "give this user the role --role names");
    private static final Option ROLE = Option.value("--role", ROLE_WORDS, "the role --set gives");
    private static final Option REMOVE = Option.value("--remove", "NAME",
            "forget this user's role, so they are a biller again");

    @Override
    public String name() {
        return "users";
    }

    @Override
    public String summary() {
        return "Lists the users and their roles; an owner gives and takes roles";
    }

    @Override
    public String synopsis() {
        return "[--set NAME --role " + ROLE_WORDS + " | --remove NAME]";
    }

    @Override
    public String description() {
        return """
                Lists the users who have been given a role, and marks you. A user is known by their name on
                this computer. A biller prepares and finalizes invoices; an exporter also exports them,
                refreshes their status and records payments; an owner also reverts exported invoices, manages
                connections and gives roles. Users without a role are billers, except the first user of a new
                database, who becomes its owner. --set and --remove need the owner role, and the last owner
                cannot stop being one. Every change is in the process log.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(SET, ROLE, REMOVE);
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli users", "ledgerport-cli users --set bea --role exporter",
                "ledgerport-cli users --remove bea");
    }

    @Override
    public Task prepare(Arguments arguments) {
        Optional<String> set = arguments.value(SET).map(String::strip);
        Optional<String> remove = arguments.value(REMOVE).map(String::strip);
        Optional<Role> role = arguments.value(ROLE).map(word -> Words.role(word).orElseThrow(
                () -> new UsageException("--role is " + Text.list(Arrays.stream(Role.values()).map(Words::role)
                        .toList(), "or") + ", not '" + word + "'.")));
        if (set.isPresent() && remove.isPresent()) {
            throw new UsageException("Give either --set or --remove, not both.");
        }
        if (set.isPresent() != role.isPresent()) {
            throw new UsageException(set.isPresent() ? "Say which role to give: --role " + ROLE_WORDS + "."
                    : "--role goes with --set NAME, the user to give it to.");
        }
        if (set.or(() -> remove).filter(String::isEmpty).isPresent()) {
            throw new UsageException("Name the user as this computer knows them: --set NAME or --remove NAME.");
        }
        return (services, output) -> {
            AccessControl access = services.access();
            String me = services.user();
            if (set.isPresent()) {
                access.assign(me, set.get(), role.get());
                if (!output.json()) {
                    output.out().printf("%s is %s %s now.%n", set.get(), article(role.get()),
                            role.get().label().toLowerCase(Locale.ROOT));
                }
            } else if (remove.isPresent()) {
                access.remove(me, remove.get());
                if (!output.json()) {
                    output.out().printf("%s has no role any more, so is a biller.%n", remove.get());
                }
            }
            // Asking for the current user's role may make them the owner of a new database.
            Role myRole = access.roleOf(me);
            Map<String, Role> users = new TreeMap<>(access.users());
            if (output.json()) {
                ObjectNode document = Json.object().put("currentUser", me).put("role", Words.role(myRole));
                ArrayNode list = document.putArray("users");
                users.forEach((name, r) -> list.addObject().put("name", name).put("role", Words.role(r))
                        .put("you", name.equals(me)));
                output.document(document);
            } else if (set.isEmpty() && remove.isEmpty()) {
                print(output, users, me, myRole);
            }
            return ExitCode.SUCCESS;
        };
    }

    private static void print(Output output, Map<String, Role> users, String me, Role myRole) {
        Table table = new Table().row("User", "Role", "");
        users.forEach((name, role) -> table.row(name, role.label(), name.equals(me) ? "(you)" : ""));
        if (!users.containsKey(me)) {
            table.row(me, myRole.label(), "(you; no role given, so a biller)");
        }
        table.print(output.out(), "");
        output.out().println("Users not listed are billers.");
    }

    /** "an" before exporter and owner, "a" before biller. */
    private static String article(Role role) {
        return role == Role.BILLER ? "a" : "an";
    }
}
