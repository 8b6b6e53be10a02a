package org.gvsl.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.model.network.UNetWidths;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The type of an option's value and its three spellings: on the command line ({@link #parse}), in config files
 * ({@link #fromJson}, {@link #toJson}: Jackson with {@link ConfigJson}'s rules, so {@code config.json} keeps its
 * format) and in help ({@link #display}).
 *
 * @param <T> the value's Java type: that of the record component the option fills (boxed)
 */
public final class ValueType<T> {

    /** A whole number, {@code int}. */
    public static final ValueType<Integer> INT = new ValueType<>(Integer.class, null,
            text -> parseNumber(text, Integer::valueOf, "an int"), String::valueOf);
    /** A whole number, {@code long}. */
    public static final ValueType<Long> LONG = new ValueType<>(Long.class, null,
            text -> parseNumber(text, Long::valueOf, "a long"), String::valueOf);
    /** A floating-point number, shown as {@code 1e-4} or {@code 0.5}. */
    public static final ValueType<Double> DOUBLE = new ValueType<>(Double.class, null,
            text -> parseNumber(text, Double::valueOf, "a number"), ValueType::number);
    /** On or off: a flag on the command line ({@code --x} / {@code --no-x}), {@code true}/{@code false} in files. */
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>(Boolean.class, null, ValueType::parseBoolean,
            on -> on ? "on" : "off");
    /** A file or folder, a plain string in files. */
    public static final ValueType<Path> PATH = new ValueType<>(Path.class, null, Path::of, Path::toString);
    /**
     * U-Net widths: {@code paper}, {@code narrow} or {@code c0,…,c8} (shown by name where they have one); an array of
     * nine integers in files.
     */
    public static final ValueType<UNetWidths> WIDTHS = new ValueType<>(UNetWidths.class, "paper|narrow|c0,…,c8",
            UNetWidths::parse, ValueType::widths);

    private final Class<T> type;
    private final String choices;
    private final Function<String, T> parser;
    private final Function<T, String> display;

    private ValueType(Class<T> type, String choices, Function<String, T> parser, Function<T, String> display) {
        this.type = type;
        this.choices = choices;
        this.parser = parser;
        this.display = display;
    }

    /**
     * One of an enum's constants, written on the command line and in help in lower case with hyphens
     * ({@code ct-shifted}), in files by name ({@code CT_SHIFTED}, read case-insensitively).
     */
    public static <E extends Enum<E>> ValueType<E> choice(Class<E> type) {
        Function<E, String> name = e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String choices = Arrays.stream(type.getEnumConstants()).map(name).collect(Collectors.joining("|"));
        return new ValueType<>(type, choices, text -> {
            String wanted = text.trim().replace('-', '_');
            return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not one of "
                            + choices.replace("|", ", ")));
        }, name);
    }

    /** The Java type (boxed). */
    public Class<T> type() {
        return type;
    }

    /** The accepted words, e.g. {@code ct|ct-soft-tissue|ct-shifted|mr|none}, as a parameter label; null for open types. */
    public String choices() {
        return choices;
    }

    /**
     * The value of a command-line word.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public T parse(String text) {
        return parser.apply(text);
    }

    /** The value of a config-file node (null for a JSON null). */
    public T fromJson(JsonNode node) throws JsonProcessingException {
        return ConfigJson.mapper().treeToValue(node, type);
    }

    /** The value as a config-file node, as {@code config.json} holds it. */
    public JsonNode toJson(T value) {
        return ConfigJson.mapper().valueToTree(value);
    }

    /** The value for help texts; {@code none} for null. */
    public String display(Object value) {
        return value == null ? "none" : display.apply(type.cast(value));
    }

    private static <N> N parseNumber(String text, Function<String, N> parse, String what) {
        try {
            return parse.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + what, e);
        }
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true, false, on or off");
        };
    }

    private static String widths(UNetWidths w) {
        if (w.equals(UNetWidths.PAPER)) {
            return "paper";
        }
        if (w.equals(UNetWidths.NARROW)) {
            return "narrow";
        }
        return Arrays.stream(w.toArray()).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }

    /** {@code 1e-4}, {@code 1.5e-8}, {@code 0.999}, {@code 1}: Java's shortest exact form, without {@code .0}. */
    private static String number(Double x) {
        String s = Double.toString(x);
        int e = s.indexOf('E');
        if (e >= 0) {
            return s.substring(0, e).replaceFirst("\\.0$", "") + "e" + s.substring(e + 1);
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
