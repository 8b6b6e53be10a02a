package org.gvsl.train.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueTypeTest {

    private static JsonNode json(String text) throws Exception {
        return ConfigJson.mapper().readTree(text);
    }

    @Test
    void wordsOfTheCommandLine() {
        assertEquals(7, ValueType.INT.parse(" 7"));
        assertEquals(200_000_000_000L, ValueType.LONG.parse("200000000000"));
        assertEquals(2e-4, ValueType.DOUBLE.parse("2e-4"));
        assertEquals(true, ValueType.BOOLEAN.parse("on"));
        assertEquals(false, ValueType.BOOLEAN.parse("false"));
        assertEquals(Path.of("runs/a"), ValueType.PATH.parse("runs/a"));
        assertEquals(UNetWidths.NARROW, ValueType.WIDTHS.parse("narrow"));
        assertEquals(UNetWidths.of(4, 4, 8, 8, 8, 8, 8, 4, 4), ValueType.WIDTHS.parse("4,4,8,8,8,8,8,4,4"));
        assertEquals(Intensity.CT_SHIFTED, ValueType.choice(Intensity.class).parse("ct-shifted"));
        assertEquals(Variant.NO_AFFINE, ValueType.choice(Variant.class).parse("NO_AFFINE"));
    }

    @Test
    void badWordsNameTheWordAndWhatWasExpected() {
        assertMessage("'abc' is not an int", () -> ValueType.INT.parse("abc"));
        assertMessage("'1.5' is not a long", () -> ValueType.LONG.parse("1.5"));
        assertMessage("'x' is not a number", () -> ValueType.DOUBLE.parse("x"));
        assertMessage("'yes' is not true, false, on or off", () -> ValueType.BOOLEAN.parse("yes"));
        assertMessage("'hu' is not one of ct, ct-soft-tissue, ct-shifted, mr, none", () -> ValueType.choice(Intensity.class).parse("hu"));
        assertMessage("expected 9 comma-separated widths c0..c8, got 2", () -> ValueType.WIDTHS.parse("1,2"));
    }

    @Test
    void filesKeepConfigJsonsFormat() throws Exception {
        assertEquals(json("[8, 16, 32, 64, 128, 64, 32, 16, 8]"), ValueType.WIDTHS.toJson(UNetWidths.NARROW));
        assertEquals(UNetWidths.PAPER, ValueType.WIDTHS.fromJson(json("\"paper\"")));
        assertEquals(json("\"CT_SHIFTED\""), ValueType.choice(Intensity.class).toJson(Intensity.CT_SHIFTED));
        assertEquals(Intensity.CT_SHIFTED, ValueType.choice(Intensity.class).fromJson(json("\"ct_shifted\"")));
        assertEquals(json("\"runs\""), ValueType.PATH.toJson(Path.of("runs")));
        assertEquals(json("0.0001"), ValueType.DOUBLE.toJson(1e-4));
        assertNull(ValueType.PATH.fromJson(json("null")));
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> ValueType.INT.fromJson(json("\"many\"")));
    }

    @Test
    void helpShowsWhatOneWouldType() {
        assertEquals("1e-4", ValueType.DOUBLE.display(1e-4));
        assertEquals("1.5e-8", ValueType.DOUBLE.display(1.5e-8));
        assertEquals("0.999", ValueType.DOUBLE.display(0.999));
        assertEquals("1", ValueType.DOUBLE.display(1.0));
        assertEquals("on", ValueType.BOOLEAN.display(true));
        assertEquals("narrow", ValueType.WIDTHS.display(UNetWidths.NARROW));
        assertEquals("4,4,8,8,8,8,8,4,4", ValueType.WIDTHS.display(UNetWidths.of(4, 4, 8, 8, 8, 8, 8, 4, 4)));
        assertEquals("restoration-only", ValueType.choice(Variant.class).display(Variant.RESTORATION_ONLY));
        assertEquals("none", ValueType.PATH.display(null));
        assertEquals("ct|ct-soft-tissue|ct-shifted|mr|none", ValueType.choice(Intensity.class).choices());
    }

    @Test
    void everyDisplayedValueParsesBack() {
        for (double x : new double[] {1e-4, 2.5e-7, 0.9, 1, 12.75}) {
            assertEquals(x, ValueType.DOUBLE.parse(ValueType.DOUBLE.display(x)));
        }
        for (UNetWidths w : new UNetWidths[] {UNetWidths.PAPER, UNetWidths.NARROW, UNetWidths.of(4, 4, 8, 8, 8, 8, 8, 4, 4)}) {
            assertEquals(w, ValueType.WIDTHS.parse(ValueType.WIDTHS.display(w)));
        }
        for (Intensity i : Intensity.values()) {
            assertEquals(i, ValueType.choice(Intensity.class).parse(ValueType.choice(Intensity.class).display(i)));
        }
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
