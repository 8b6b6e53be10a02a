package org.gvsl.train.config;

import org.gvsl.model.gvsl.Variant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigOptionTest {

    private static ConfigOption.Builder<Integer> crop() {
        return ConfigOption.builder("crop", ValueType.INT).flag("--crop", "S").help("Crop side.");
    }

    @Test
    void holdsWhatWasDeclared() {
        ConfigOption<Integer> o = crop().byProfile(32, 128).range(Range.atLeast(2)).build();
        assertEquals("crop", o.key());
        assertEquals("crop", o.name());
        assertEquals(List.of("--crop"), o.flags());
        assertEquals("S", o.paramLabel());
        assertEquals(32, o.defaultFor(Profile.DEMO));
        assertEquals(128, o.defaultFor(Profile.PAPER));
        assertTrue(o.dependsOnProfile());
        assertFalse(o.resumable());
        assertFalse(o.nullable());
    }

    @Test
    void presetsAreFlagsOfTheSameOption() {
        ConfigOption<Variant> v = ConfigOption.builder("model.variant", ValueType.choice(Variant.class))
                .flag("--variant").preset("--no-affine", Variant.NO_AFFINE, "No affine head.")
                .help("The variant.").byDefault(Variant.FULL).build();
        assertEquals("variant", v.name());
        assertEquals(List.of("--variant", "--no-affine"), v.flags());
        assertEquals("full|no-affine|no-restoration|restoration-only", v.paramLabel());
        assertEquals(Variant.NO_AFFINE, v.presets().get(0).value());
    }

    @Test
    void problemsNameTheKeyAndTheValue() {
        ConfigOption<Integer> o = crop().byDefault(32).range(Range.atLeast(2)).build();
        assertEquals("crop must be ≥ 2, got 1", o.problem(1).orElseThrow());
        assertEquals("crop must be given, got null", o.problem(null).orElseThrow());
        assertTrue(o.problem(2).isEmpty());
        ConfigOption<Double> spacing = ConfigOption.builder("spacing", ValueType.DOUBLE).flag("--spacing", "MM")
                .help("Spacing.").noneByDefault().range(Range.above(0)).build();
        assertTrue(spacing.problem(null).isEmpty());
        assertNull(spacing.defaultFor(Profile.PAPER));
        assertEquals("spacing must be a finite number, got NaN", spacing.problem(Double.NaN).orElseThrow());
    }

    @Test
    void aMalformedDeclarationFailsAtOnceNamingTheKey() {
        assertDeclaration("option 'crop' has no help text",
                ConfigOption.builder("crop", ValueType.INT).flag("--crop", "S").byDefault(1));
        assertDeclaration("option 'crop' has no default", crop());
        assertDeclaration("option 'crop' has a default outside its range: crop must be ≥ 2, got 1",
                crop().byDefault(1).range(Range.atLeast(2)));
        assertDeclaration("option 'Crop' is not a key", ConfigOption.builder("Crop", ValueType.INT).help("x.").byDefault(1));
        assertDeclaration("option 'crop' has a malformed flag -c", crop().flag("-c", "S").byDefault(1));
        assertDeclaration("option 'crop' has a flag without a parameter label", crop().flag("--crop").byDefault(1));
        assertDeclaration("option 'data' has a range but is no number", ConfigOption.builder("data", ValueType.PATH)
                .help("x.").noneByDefault().range(Range.atLeast(0)));
        assertDeclaration("option 'data' selects the profile but has a default", ConfigOption.builder("data",
                ValueType.PATH).help("x.").byDefault(Path.of(".")).selectsProfile());
    }

    @Test
    void aSharedOptionCanBeStoredUnderAnotherKey() {
        ConfigOption<Long> seed = CommonOptions.seed().key("model.seed").byDefault(1L).build();
        assertEquals("model.seed", seed.key());
        assertEquals("seed", seed.name());
        assertEquals(List.of("--seed"), seed.flags());
    }

    private static void assertDeclaration(String expected, ConfigOption.Builder<?> builder) {
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
