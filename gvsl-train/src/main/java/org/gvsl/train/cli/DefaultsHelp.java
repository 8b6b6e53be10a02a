package org.gvsl.train.cli;

import org.gvsl.train.config.ConfigOption;
import org.gvsl.train.config.OptionTable;
import org.gvsl.train.config.Profile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The end of a configured command's {@code --help}: every configuration key of its {@link OptionTable} with its
 * default in each {@link Profile} (one column when the table has no profile), the keys that have no flag, and how a
 * config file spells them.
 */
final class DefaultsHelp {

    private static final int VALUE_COLUMN = 30;

    private DefaultsHelp() {
    }

    /** The footer text of the table. */
    static String render(OptionTable<?> table) {
        int keyColumn = 2 + table.options().stream().mapToInt(o -> o.key().length()).max().orElse(0) + 2;
        Optional<ConfigOption<?>> selector = table.profileSelector();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%n"));
        String header = "Defaults (config key)";
        if (selector.isPresent()) {
            String flag = selector.get().flag().orElse(selector.get().key());
            s.append(String.format(Locale.ROOT, "%-" + keyColumn + "s%-" + VALUE_COLUMN + "s%s%n", header,
                    Profile.DEMO.label() + " (no " + flag + ")",
                    Profile.PAPER.label() + " (" + flag + " " + selector.get().paramLabel() + ")"));
        } else {
            s.append(header).append(String.format(Locale.ROOT, "%n"));
        }
        for (ConfigOption<?> o : table.options()) {
            String demo = o.type().display(o.defaultFor(Profile.DEMO));
            if (selector.isPresent()) {
                String paper = o.selectsProfile() ? o.paramLabel() : o.type().display(o.defaultFor(Profile.PAPER));
                s.append(String.format(Locale.ROOT, "  %-" + (keyColumn - 2) + "s%-" + VALUE_COLUMN + "s%s%n",
                        o.key(), demo, paper));
            } else {
                s.append(String.format(Locale.ROOT, "  %-" + (keyColumn - 2) + "s%s%n", o.key(), demo));
            }
        }
        List<ConfigOption<?>> fileOnly = table.options().stream().filter(o -> o.flags().isEmpty()).toList();
        if (!fileOnly.isEmpty()) {
            s.append(String.format(Locale.ROOT, "Keys without a flag:%n"));
            fileOnly.forEach(o -> s.append(String.format(Locale.ROOT, "  %-" + (keyColumn - 2) + "s%s%n", o.key(),
                    o.help())));
        }
        s.append(String.format(Locale.ROOT, "A --config FILE (JSON or YAML) holds these keys as a run's config.json"
                + " does%s.%n", table.options().stream().filter(o -> o.key().contains(".")).findFirst()
                .map(o -> String.format(Locale.ROOT, ":%n  a dotted key is nested (%s is %s under %s)", o.key(), o.name(),
                        o.key().substring(0, o.key().lastIndexOf('.')))).orElse("")));
        return s.toString();
    }
}
