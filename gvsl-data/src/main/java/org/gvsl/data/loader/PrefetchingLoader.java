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
import java.util.random.RandomGenerator;

/**
 * Prepares training batches on background threads while training runs, and hands them out in step order.
 *
 * <p><b>Deterministic:</b> the batch of step {@code s} is {@link #prepare(GvslPairSampler, long, long, int)}: its
 * {@code N} pairs drawn one after the other from {@link IndexedRandom#forIndex(long, long) forIndex(seed, s)}. It
 * depends on neither the worker count nor thread timing, and a run resumed at step {@code s} ({@link
 * Builder#optFirstStep}) sees the same batches as one that never stopped.
 *
 * <p><b>Bounded:</b> at most {@code queueCapacity} batches are prepared or in preparation ahead of the consumer
 * (each holds {@code 3·N·D·H·W} floats on the heap until {@link #next()} turns it into ND4J arrays on the calling
 * thread).
 *
 * <p><b>Errors:</b> an exception while preparing a step (e.g. an unreadable file under {@link ErrorPolicy#STOP})
 * is rethrown by {@link #next()} for that step as a {@link DataLoadingException} naming the file; the loader then
 * stops ({@link #hasNext()} is false). A worker never dies silently, so {@link #next()} never waits for a step
 * that nobody prepares.
 *
 * <p>Workers are daemon threads; {@link #close()} stops them and drops prepared batches. Not for concurrent
 * consumers: one training loop calls {@link #next()}.
 */
public final class PrefetchingLoader implements Iterator<PairBatch>, AutoCloseable {

    private static final AtomicInteger LOADERS = new AtomicInteger();

    private final GvslPairSampler sampler;
    private final int batchSize;
    private final long seed;
    private final long endStep;
    private final Semaphore permits;
    private final AtomicLong nextToClaim;
    private final ConcurrentHashMap<Long, CompletableFuture<List<TrainingPair>>> prepared = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private long nextToDeliver;
    private volatile boolean closed;

    private PrefetchingLoader(Builder b) {
        this.sampler = b.sampler;
        this.batchSize = b.batchSize;
        this.seed = b.seed;
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

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The pairs of one step, prepared on the calling thread: {@code batchSize} pairs drawn in turn from
     * {@code IndexedRandom.forIndex(seed, step)}. What the workers compute; public so that a step can be rebuilt.
     */
    public static List<TrainingPair> prepare(GvslPairSampler sampler, long seed, long step, int batchSize) {
        RandomGenerator rng = IndexedRandom.forIndex(seed, step);
        List<TrainingPair> pairs = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            pairs.add(sampler.sample(rng));
        }
        return pairs;
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
            CompletableFuture<List<TrainingPair>> slot = slot(step);
            try {
                slot.complete(prepare(sampler, seed, step, batchSize));
            } catch (Throwable t) { // every failure reaches the consumer: no silent hang
                slot.completeExceptionally(t);
            }
        }
    }

    private CompletableFuture<List<TrainingPair>> slot(long step) {
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
    public PairBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "loader is closed" : "all steps before " + endStep + " delivered");
        }
        long step = nextToDeliver;
        List<TrainingPair> pairs;
        try {
            pairs = await(slot(step), step);
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
        return PairBatch.of(step, pairs);
    }

    /** Waits for a step, checking every second that the loader was not closed meanwhile by another thread. */
    private List<TrainingPair> await(CompletableFuture<List<TrainingPair>> slot, long step)
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

    /** Configuration of a {@link PrefetchingLoader}: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private GvslPairSampler sampler;
        private int batchSize;
        private Long seed;
        private int workers = 1;
        private int queueCapacity = -1;
        private long firstStep;
        private long steps = Long.MAX_VALUE;

        private Builder() {
        }

        /** The pair sampler (required). */
        public Builder setSampler(GvslPairSampler sampler) {
            this.sampler = Objects.requireNonNull(sampler, "sampler");
            return this;
        }

        /** Pairs per batch N (required, ≥ 1). */
        public Builder setBatchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The run's seed (required). */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Background threads (default 1). */
        public Builder optWorkers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Batches prepared ahead at most (default 2 per worker). */
        public Builder optQueueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queue capacity must be >= 1, got " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** The first step to deliver, e.g. when resuming (default 0). */
        public Builder optFirstStep(long step) {
            if (step < 0) {
                throw new IllegalArgumentException("first step must be >= 0, got " + step);
            }
            this.firstStep = step;
            return this;
        }

        /** Number of steps to deliver (default unlimited). */
        public Builder optSteps(long steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be >= 0, got " + steps);
            }
            this.steps = steps;
            return this;
        }

        /** Starts the workers. */
        public PrefetchingLoader build() {
            if (sampler == null) {
                throw new IllegalStateException("PrefetchingLoader needs setSampler(...)");
            }
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
            return new PrefetchingLoader(this);
        }
    }
}
