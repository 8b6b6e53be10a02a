package org.gvsl.train.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One option of a command, declared once: its configuration key, its command-line flags, its type, its default
 * (per {@link Profile} where the profile matters), the numbers it accepts, its help text, and whether a resumed run
 * may change it. An {@link OptionTable} of these derives the command line, the config-file keys, {@code --help},
 * the defaults and the resume rule.
 *
 * <p>Example (the pre-training steps; {@link CommonOptions#steps()} declares all but the defaults):
 * <pre>{@code
 * ConfigOption.builder("steps", ValueType.INT).flag("--steps", "N").help("Training steps of the whole run.")
 *         .range(Range.atLeast(1)).resumable().byProfile(240, 200_000).build();
 * }</pre>
 *
 * @param <T> the value's type, that of the record component of the same key
 */
public final class ConfigOption<T> {

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*");
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * A flag that sets the option to a fixed value, e.g. {@code --no-affine} for {@code model.variant = NO_AFFINE}.
     *
     * @param flag  the flag, e.g. {@code --no-affine}
     * @param value the value it sets
     * @param help  its help text
     * @param <T>   the option's type
     */
    public record Preset<T>(String flag, T value, String help) {
    }

    private final String key;
    private final ValueType<T> type;
    private final String flag;
    private final String paramLabel;
    private final List<Preset<T>> presets;
    private final String help;
    private final T demoDefault;
    private final T paperDefault;
    private final boolean nullable;
    private final Range range;
    private final boolean resumable;
    private final boolean selectsProfile;

    private ConfigOption(Builder<T> b) {
        this.key = b.key;
        this.type = b.type;
        this.flag = b.flag;
        this.paramLabel = b.paramLabel != null ? b.paramLabel : b.type.choices();
        this.presets = List.copyOf(b.presets);
        this.help = b.help;
        this.demoDefault = b.demoDefault;
        this.paperDefault = b.paperDefault;
        this.nullable = b.nullable;
        this.range = b.range;
        this.resumable = b.resumable;
        this.selectsProfile = b.selectsProfile;
    }

    /** A builder of the option stored under {@code key} (dotted for nested records, e.g. {@code model.widths}). */
    public static <T> Builder<T> builder(String key, ValueType<T> type) {
        return new Builder<>(key, type);
    }

    /** The configuration key, dotted for nested records: {@code steps}, {@code model.widths}. */
    public String key() {
        return key;
    }

    /** The last part of the key: {@code widths} for {@code model.widths}. */
    public String name() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The type of the value. */
    public ValueType<T> type() {
        return type;
    }

    /** The flag that takes a value (for a boolean: the flag and its {@code --no-} form); empty for file-only keys. */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    /** The flag's parameter label, e.g. {@code N} or {@code ct|mr}; null for a boolean or a file-only key. */
    public String paramLabel() {
        return paramLabel;
    }

    /** Flags that set a fixed value. */
    public List<Preset<T>> presets() {
        return presets;
    }

    /** Every flag of the option: {@link #flag()}, then those of the {@link #presets()}. */
    public List<String> flags() {
        List<String> all = new ArrayList<>();
        flag().ifPresent(all::add);
        presets.forEach(p -> all.add(p.flag()));
        return all;
    }

    /** What the option does, one sentence. */
    public String help() {
        return help;
    }

    /** The default of a profile (null: none, e.g. no data folder). */
    public T defaultFor(Profile profile) {
        return profile == Profile.DEMO ? demoDefault : paperDefault;
    }

    /** Whether the default differs between the profiles. */
    public boolean dependsOnProfile() {
        return !Objects.equals(demoDefault, paperDefault);
    }

    /** Whether the value may be null (none given). */
    public boolean nullable() {
        return nullable;
    }

    /** The numbers accepted; empty when any value of the type is (or the record checks it). */
    public Optional<Range> range() {
        return Optional.ofNullable(range);
    }

    /** Whether a resumed run may change it (it does not change what is computed). */
    public boolean resumable() {
        return resumable;
    }

    /** Whether giving it selects the {@link Profile#PAPER} defaults. */
    public boolean selectsProfile() {
        return selectsProfile;
    }

    /**
     * What is wrong with a value, e.g. {@code steps must be ≥ 1, got -5}; empty when it is acceptable.
     */
    public Optional<String> problem(T value) {
        if (value == null) {
            return nullable ? Optional.empty() : Optional.of(key + " must be given, got null");
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            return Optional.of(key + " must be a finite number, got " + value);
        }
        if (range != null && !range.contains((Number) value)) {
            return Optional.of(key + " must be " + range + ", got " + value);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }

    /**
     * Builder of a {@link ConfigOption}. Required: {@link #help}, and a default ({@link #byDefault}, {@link
     * #byProfile} or {@link #noneByDefault}).
     *
     * @param <T> the value's type
     */
    public static final class Builder<T> {
        private String key;
        private final ValueType<T> type;
        private String flag;
        private String paramLabel;
        private final List<Preset<T>> presets = new ArrayList<>();
        private String help;
        private T demoDefault;
        private T paperDefault;
        private boolean hasDefault;
        private boolean nullable;
        private Range range;
        private boolean resumable;
        private boolean selectsProfile;

        private Builder(String key, ValueType<T> type) {
            this.key = Objects.requireNonNull(key, "key");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** Stores the option under another key (for a shared option that a command nests, e.g. {@code model.seed}). */
        public Builder<T> key(String key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The flag of a boolean, or of a choice (labelled by its words); {@code --x} and {@code --no-x} for a boolean. */
        public Builder<T> flag(String flag) {
            this.flag = flag;
            this.paramLabel = null;
            return this;
        }

        /** The flag and its parameter label, e.g. {@code flag("--crop", "S")}. */
        public Builder<T> flag(String flag, String paramLabel) {
            this.flag = flag;
            this.paramLabel = paramLabel;
            return this;
        }

        /** A further flag that sets {@code value}; at most one flag of an option may be given. */
        public Builder<T> preset(String flag, T value, String help) {
            presets.add(new Preset<>(flag, Objects.requireNonNull(value, "value"), help));
            return this;
        }

        /** What the option does, one sentence ending with a full stop. */
        public Builder<T> help(String help) {
            this.help = help;
            return this;
        }

        /** The default of both profiles. */
        public Builder<T> byDefault(T value) {
            return byProfile(value, value);
        }

        /** The defaults of the demo and of the paper's run. */
        public Builder<T> byProfile(T demo, T paper) {
            this.demoDefault = Objects.requireNonNull(demo, "demo default");
            this.paperDefault = Objects.requireNonNull(paper, "paper default");
            this.hasDefault = true;
            return this;
        }

        /** No value by default, and null is a valid value (e.g. no data folder: the synthetic data). */
        public Builder<T> noneByDefault() {
            this.demoDefault = null;
            this.paperDefault = null;
            this.hasDefault = true;
            this.nullable = true;
            return this;
        }

        /** The numbers accepted (default: any). */
        public Builder<T> range(Range range) {
            this.range = range;
            return this;
        }

        /** A resumed run may change it (default: it may not). */
        public Builder<T> resumable() {
            this.resumable = true;
            return this;
        }

        /** Giving it selects the {@link Profile#PAPER} defaults (at most one option of a table). */
        public Builder<T> selectsProfile() {
            this.selectsProfile = true;
            return this;
        }

        /**
         * Checks and builds.
         *
         * @throws IllegalStateException naming the key and what is missing or malformed
         */
        public ConfigOption<T> build() {
            require(KEY.matcher(key).matches(), "is not a key (lowerCamelCase parts joined by dots)");
            require(help != null && !help.isBlank(), "has no help text");
            require(hasDefault, "has no default (byDefault, byProfile or noneByDefault)");
            require(flag == null || FLAG.matcher(flag).matches(), "has a malformed flag " + flag);
            require(presets.stream().allMatch(p -> FLAG.matcher(p.flag()).matches() && p.help() != null),
                    "has a malformed preset flag or a preset without help");
            require(flag == null || type == ValueType.BOOLEAN || paramLabel != null || type.choices() != null,
                    "has a flag without a parameter label");
            require(range == null || Number.class.isAssignableFrom(type.type()), "has a range but is no number");
            require(!selectsProfile || nullable, "selects the profile but has a default");
            ConfigOption<T> option = new ConfigOption<>(this);
            for (Profile p : Profile.values()) {
                T value = option.defaultFor(p);
                require(option.problem(value).isEmpty() || value == null, "has a default outside its range: "
                        + option.problem(value).orElse(""));
                require(value == null || type.type().isInstance(value), "has a default of another type");
            }
            return option;
        }

        private void require(boolean ok, String problem) {
            if (!ok) {
                throw new IllegalStateException("option '" + key + "' " + problem);
            }
        }
    }
}
