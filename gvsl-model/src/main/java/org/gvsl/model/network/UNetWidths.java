package org.gvsl.model.network;

import org.gvsl.model.blocks.GroupNorm;

import java.util.Arrays;
import java.util.Locale;

/**
 * Channel widths {@code (c0 … c8)} of the U-Net: encoder {@code c0..c4} (c4 is the bottleneck), decoder
 * {@code c5..c8} (c8 is the local-feature width). The heads derive their widths from {@code c4} and {@code c8},
 * so both must be even.
 */
public record UNetWidths(int c0, int c1, int c2, int c3, int c4, int c5, int c6, int c7, int c8) {

    /** The paper's widths {@code (32, 64, 128, 256, 512, 256, 128, 64, 32)}: 23,538,144 U-Net parameters. */
    public static final UNetWidths PAPER = new UNetWidths(32, 64, 128, 256, 512, 256, 128, 64, 32);

    /** The narrow widths of the reference cases {@code (8, 16, 32, 64, 128, 64, 32, 16, 8)}. */
    public static final UNetWidths NARROW = new UNetWidths(8, 16, 32, 64, 128, 64, 32, 16, 8);

    public UNetWidths {
        int[] all = {c0, c1, c2, c3, c4, c5, c6, c7, c8};
        for (int c : all) {
            int groups = GroupNorm.groupsFor(c);
            if (c < 1 || c % groups != 0) {
                throw new IllegalArgumentException("every width must be positive and divisible by its GroupNorm "
                        + "group count max(1, c/8); got " + c + " in " + Arrays.toString(all));
            }
        }
        if (c4 % 2 != 0 || c8 % 2 != 0) {
            throw new IllegalArgumentException("c4 and c8 must be even (the heads use c4/2 and c8/2), got "
                    + Arrays.toString(all));
        }
    }

    /**
     * Widths from text: {@code "paper"}, {@code "narrow"} (any case) or nine comma-separated integers
     * {@code "32,64,128,256,512,256,128,64,32"}.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static UNetWidths parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("widths must be \"paper\", \"narrow\" or nine integers c0,…,c8");
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "paper":
                return PAPER;
            case "narrow":
                return NARROW;
            default:
                break;
        }
        int[] c;
        try {
            c = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("widths must be \"paper\", \"narrow\" or nine integers c0,…,c8, got \""
                    + text + "\"", e);
        }
        if (c.length != 9) {
            throw new IllegalArgumentException("expected 9 comma-separated widths c0..c8, got " + c.length
                    + " in \"" + text + "\"");
        }
        return of(c);
    }

    /** From an array of 9 widths. */
    public static UNetWidths of(int... c) {
        if (c.length != 9) {
            throw new IllegalArgumentException("expected 9 widths c0..c8, got " + Arrays.toString(c));
        }
        return new UNetWidths(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
    }

    /** Width i (0..8). */
    public int at(int i) {
        return toArray()[i];
    }

    public int[] toArray() {
        return new int[] {c0, c1, c2, c3, c4, c5, c6, c7, c8};
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
