package org.gvsl.data.loader;

/** What the sampler does when a volume cannot be read. */
public enum ErrorPolicy {
    /** Fail the batch: the consumer gets a {@link DataLoadingException} naming the file (the default). */
    STOP,
    /** Log a warning naming the file, never draw it again, and draw another volume instead. */
    SKIP_AND_WARN
}
