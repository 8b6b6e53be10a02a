package org.gvsl.data.loader;

import org.gvsl.core.random.IndexedRandom;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Prepares training batches on background threads while training runs, and hands them out in step order.
 *
 * <p><b>Deterministic:</b> the batch of step {@code s} is made of {@link #prepare(BatchSampler, long, long, int)}:
 * its {@code N} samples drawn one after the other from {@link IndexedRandom#forIndex(long, long) forIndex(seed, s)}.
 * It depends on neither the worker count nor thread timing, and a run resumed at step {@code s} ({@link
 * Builder#optFirstStep}) sees the same batches as one that never stopped.
 *
 * <p><b>Bounded:</b> at most {@code queueCapacity} steps are prepared or in preparation ahead of the consumer
 * (each holds its samples on the heap until {@link #next()} stacks them into ND4J arrays on the calling thread,
 * {@link BatchSampler#batch}).
 *
 * <p><b>Errors:</b> an exception while preparing a step (e.g. an unreadable file under {@link ErrorPolicy#STOP})
 * is rethrown by {@link #next()} for that step as a {@link DataLoadingException} naming the file; the loader then
 * stops ({@link #hasNext()} is false). A worker never dies silently, so {@link #next()} never waits for a step
 * that nobody prepares.
 *
 * <p>Workers are daemon threads; {@link #close()} stops them and drops prepared batches. Not for concurrent
 * consumers: one training loop calls {@link #next()}. Any {@link BatchSampler} works: {@link GvslPairSampler}
 * (pre-training pairs), {@link LabelledCropSampler} (segmentation), {@link ClassificationSampler}.
 *
 * @param <B> the batch type of the sampler
 */
public final class PrefetchingLoader<B> implements Iterator<B>, AutoCloseable {

    private static final AtomicInteger LOADERS = new AtomicInteger();

    private final LongFunction<Supplier<B>> prepareStep;
    private final long endStep;
    private final Semaphore permits;
    private final AtomicLong nextToClaim;
    private final ConcurrentHashMap<Long, CompletableFuture<Supplier<B>>> prepared = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private long nextToDeliver;
    private volatile boolean closed;

    private PrefetchingLoader(Builder<B> b) {
        this.prepareStep = b.preparer();
        this.nextToDeliver = b.firstStep;
        this.endStep = b.steps == Long.MAX_VALUE ? Long.MAX_VALUE : b.firstStep + b.steps;
        this.nextToClaim = new AtomicLong(b.firstStep);
        this.permits = new Semaphore(b.queueCapacity);
        int id = LOADERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(b.workers, r -> {
            Thread t = new Thread(r, "gvsl-loader-" + id + "-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < b.workers; i++) {
            workers.execute(this::work);
        }
    }

    /** A builder for batches of {@code sampler}, with the defaults its options document. */
    public static <T, B> Builder<B> builder(BatchSampler<T, B> sampler) {
        return new Builder<>(Objects.requireNonNull(sampler, "sampler"));
    }

    /**
     * The samples of one step, prepared on the calling thread: {@code batchSize} samples drawn in turn from
     * {@code IndexedRandom.forIndex(seed, step)}. What the workers compute; public so that a step can be rebuilt.
     */
    public static <T> List<T> prepare(BatchSampler<T, ?> sampler, long seed, long step, int batchSize) {
        RandomGenerator rng = IndexedRandom.forIndex(seed, step);
        List<T> samples = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            samples.add(sampler.sample(rng));
        }
        return samples;
    }

    private void work() {
        while (!closed) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                return;
            }
            long step = nextToClaim.getAndIncrement();
            if (step >= endStep || closed) {
                permits.release();
                return;
            }
            CompletableFuture<Supplier<B>> slot = slot(step);
            try {
                slot.complete(prepareStep.apply(step));
            } catch (Throwable t) { // every failure reaches the consumer: no silent hang
                slot.completeExceptionally(t);
            }
        }
    }

    private CompletableFuture<Supplier<B>> slot(long step) {
        return prepared.computeIfAbsent(step, s -> new CompletableFuture<>());
    }

    @Override
    public boolean hasNext() {
        return !closed && nextToDeliver < endStep;
    }

    /**
     * The batch of the next step, waiting for it if it is not ready.
     *
     * @throws DataLoadingException if preparing it failed (names the file); the loader is closed afterwards
     */
    @Override
    public B next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "loader is closed" : "all steps before " + endStep + " delivered");
        }
        long step = nextToDeliver;
        Supplier<B> batch;
        try {
            batch = await(slot(step), step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataLoadingException(null, "interrupted while waiting for step " + step, e);
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            String source = cause instanceof DataLoadingException d ? d.source() : null;
            throw new DataLoadingException(source, "preparing step " + step + " failed: " + cause.getMessage(), cause);
        }
        prepared.remove(step);
        nextToDeliver++;
        permits.release();
        return batch.get();
    }

    /** Waits for a step, checking every second that the loader was not closed meanwhile by another thread. */
    private Supplier<B> await(CompletableFuture<Supplier<B>> slot, long step)
            throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return slot.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (closed) {
                    throw new DataLoadingException(null, "loader closed while waiting for step " + step, null);
                }
            }
        }
    }

    /** Stops the workers (a step in preparation is finished and dropped) and drops prepared batches. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        prepared.clear();
    }

    /**
     * Configuration of a {@link PrefetchingLoader}: {@code setX} required, {@code optX} optional.
     *
     * @param <B> the batch type of the sampler
     */
    public static final class Builder<B> {
        private final BatchSampler<?, B> sampler;
        private int batchSize;
        private Long seed;
        private int workers = 1;
        private int queueCapacity = -1;
        private long firstStep;
        private long steps = Long.MAX_VALUE;

        private Builder(BatchSampler<?, B> sampler) {
            this.sampler = sampler;
        }

        /** Pairs per batch N (required, ≥ 1). */
        public Builder<B> setBatchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The run's seed (required). */
        public Builder<B> setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Background threads (default 1). */
        public Builder<B> optWorkers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Batches prepared ahead at most (default 2 per worker). */
        public Builder<B> optQueueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queue capacity must be >= 1, got " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** The first step to deliver, e.g. when resuming (default 0). */
        public Builder<B> optFirstStep(long step) {
            if (step < 0) {
                throw new IllegalArgumentException("first step must be >= 0, got " + step);
            }
            this.firstStep = step;
            return this;
        }

        /** Number of steps to deliver (default unlimited). */
        public Builder<B> optSteps(long steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be >= 0, got " + steps);
            }
            this.steps = steps;
            return this;
        }

        /** Starts the workers. */
        public PrefetchingLoader<B> build() {
            if (batchSize < 1) {
                throw new IllegalStateException("PrefetchingLoader needs setBatchSize(...)");
            }
            if (seed == null) {
                throw new IllegalStateException("PrefetchingLoader needs setSeed(...)");
            }
            if (queueCapacity < 0) {
                queueCapacity = 2 * workers;
            }
            if (steps != Long.MAX_VALUE && firstStep > Long.MAX_VALUE - steps) {
                throw new IllegalArgumentException("first step " + firstStep + " + steps " + steps + " overflows");
            }
            return new PrefetchingLoader<>(this);
        }

        /** What a worker does for a step: draw its samples now; stack them when the consumer asks. */
        private LongFunction<Supplier<B>> preparer() {
            return preparer(sampler, seed, batchSize);
        }

        private static <T, B> LongFunction<Supplier<B>> preparer(BatchSampler<T, B> sampler, long seed, int n) {
            return step -> {
                List<T> samples = prepare(sampler, seed, step, n);
                return () -> sampler.batch(step, samples);
            };
        }
    }
}
