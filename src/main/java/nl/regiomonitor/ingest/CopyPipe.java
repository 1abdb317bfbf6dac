package nl.regiomonitor.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands the rows the reading thread has checked to a thread of their own, which writes them to COPY and shows them
 * to the load listeners: reading and checking the next rows goes on while the server takes the previous ones, so
 * an import costs about as long as the slower of the two instead of both.
 */
final class CopyPipe implements AutoCloseable {

    private static final int BATCH = 1024;
    private static final Object[][] END = new Object[0][];

    /** Bounded, so a slow server holds the reader back instead of the file piling up in memory. */
    private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(32);

    private final BinaryCopyWriter writer;
    private final List<LoadListener.Load> loads;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean discard;
    private boolean ended;
    private Object[][] batch = new Object[BATCH][];
    private int size;

    CopyPipe(long id, BinaryCopyWriter writer, List<LoadListener.Load> loads) {
        this.writer = writer;
        this.loads = loads;
        this.thread = new Thread(this::drain, "import-copy-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    /** Sends one row; {@code values} now belongs to the pipe. */
    void add(Object[] values) throws IOException {
        batch[size++] = values;
        if (size == BATCH) {
            hand(batch);
            batch = new Object[BATCH][];
            size = 0;
        }
    }

    /** Sends the last rows and the end of the COPY data, and waits until the server has them all. */
    void finish() throws IOException {
        if (size > 0) {
            hand(Arrays.copyOf(batch, size));
        }
        hand(END);
        end();
        if (failure != null) {
            throw failure instanceof IOException io ? io : new IOException("COPY failed", failure);
        }
    }

    /** Drops the rows still on their way and waits for the writing thread to end; the COPY is left to be cancelled. */
    @Override
    public void close() {
        if (!ended) {
            discard = true;
            queue.clear();
            queue.offer(END); // the reader is this thread and the queue was just emptied: there is room
            end();
        }
    }

    private void hand(Object[][] rows) throws IOException {
        if (failure != null) {
            throw new IOException("COPY failed", failure);
        }
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted while copying");
        }
    }

    /** Waits for the writing thread, also when interrupted (by the watchdog, which has closed the connection). */
    private void end() {
        ended = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        try {
            for (Object[][] rows = queue.take(); rows != END; rows = queue.take()) {
                if (!discard) {
                    for (Object[] values : rows) {
                        writer.write(values);
                        for (LoadListener.Load load : loads) {
                            load.row(values);
                        }
                    }
                }
            }
            if (!discard) {
                writer.finish();
            }
        } catch (Throwable e) {
            failure = e;
            discardUntilEnd();
        }
    }

    /** Keeps taking after a failure, so the reader never waits for room; it sees the failure at its next batch. */
    private void discardUntilEnd() {
        try {
            while (queue.take() != END) {
                // dropped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
