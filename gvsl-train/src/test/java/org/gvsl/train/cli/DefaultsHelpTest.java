package org.gvsl.train.cli;

import org.gvsl.train.config.ConfigOption;
import org.gvsl.train.config.ExampleOptions;
import org.gvsl.train.config.PretrainOptions;
import org.gvsl.train.config.Profile;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultsHelpTest {

    @Test
    void aTableWithAProfileHasAColumnForEach() {
        assertEquals(String.join("\n", "",
                "Defaults (config key)  demo (no --data)              paper (--data DIR)",
                "  data                 none                          DIR",
                "  steps                5                             50",
                "  optimiser.rate       0.5                           0.5",
                "  optimiser.intensity  mr                            mr",
                "  threads              0                             0",
                "  verbose              off                           off",
                "Keys without a flag:",
                "  optimiser.intensity  A choice in files only.",
                "A --config FILE (JSON or YAML) holds these keys as a run's config.json does:",
                "  a dotted key is nested (optimiser.rate is rate under optimiser).", ""),
                DefaultsHelp.render(ExampleOptions.TABLE).replace(System.lineSeparator(), "\n"));
    }

    /** Every key of gvsl pretrain has its row, with its default in both profiles, and fits 80 columns. */
    @Test
    void everyPretrainKeyHasItsRow() {
        String help = DefaultsHelp.render(PretrainOptions.TABLE);
        for (ConfigOption<?> o : PretrainOptions.TABLE.options()) {
            String paper = o.selectsProfile() ? o.paramLabel() : o.type().display(o.defaultFor(Profile.PAPER));
            Pattern row = Pattern.compile("  " + Pattern.quote(o.key()) + " +" + Pattern.quote(o.type().display(
                    o.defaultFor(Profile.DEMO))) + " +" + Pattern.quote(paper));
            assertTrue(help.lines().anyMatch(l -> row.matcher(l).matches()), o.key() + " in\n" + help);
        }
        assertTrue(help.lines().allMatch(l -> l.length() < 80), help);
    }
}
