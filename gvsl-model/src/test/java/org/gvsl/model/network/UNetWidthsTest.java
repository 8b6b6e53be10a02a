package org.gvsl.model.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UNetWidthsTest {

    @Test
    void parsesNineCommaSeparatedWidths() {
        assertEquals(UNetWidths.NARROW, UNetWidths.parse("8, 16,32,64,128,64,32,16,8"));
    }

    @Test
    void parsesTheNamedWidthsAndRejectsOtherNames() {
        assertEquals(UNetWidths.PAPER, UNetWidths.parse("paper"));
        assertEquals(UNetWidths.NARROW, UNetWidths.parse(" Narrow "));
        assertEquals(UNetWidths.of(4, 4, 8, 8, 8, 8, 8, 4, 4), UNetWidths.parse("4,4,8,8,8,8,8,4,4"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UNetWidths.parse("wide"));
        assertTrue(e.getMessage().contains("got \"wide\""), e.getMessage());
    }

    @Test
    void rejectsAWrongCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UNetWidths.parse("8,16"));
        assertTrue(e.getMessage().contains("got 2 in \"8,16\""), e.getMessage());
    }

    @Test
    void rejectsAWidthItsGroupNormCannotSplit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UNetWidths(8, 16, 32, 44, 128, 64, 32, 16, 8));
        assertTrue(e.getMessage().contains("got 44 in [8, 16, 32, 44, 128"), e.getMessage());
    }

    @Test
    void rejectsAnOddBottleneck() {
        String e = assertThrows(IllegalArgumentException.class, () -> new UNetWidths(8, 16, 32, 64, 7, 64, 32, 16, 8))
                .getMessage();
        assertTrue(e.contains("c4 and c8 must be even (the heads use c4/2 and c8/2), got [8, 16, 32, 64, 7, 64, 32, 16, 8]"), e);
    }
}
