package org.jdbsp.circuit.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jdbsp.circuit.CircuitState;

/**
 * The state shared by a circuit's handle, inputs and outputs: running, failed (with its cause) or closed;
 * and which thread is using the circuit.
 *
 * <p><b>One thread at a time.</b> Every call on the circuit (a push, a read of an output, a step, a close)
 * takes the circuit for its duration with {@link #enter} (or {@link #beginStep}) and gives it back with
 * {@link #exit} (or {@link #endStep}): a call made while another thread holds it is refused with an
 * {@link IllegalStateException} before it changes anything, so a push either lands whole in a step or is
 * refused, never lost. Taking the circuit is one compare-and-set of an owner field per call (no lock, no
 * allocation; one per {@code pushAll}, not per record); a plain volatile check could not close the window
 * between the check and the append in which a step could seal the pushes. The thread running a step may
 * call in again from inside it (an inspector reading an output or pushing for the next step); it cannot
 * step or close from inside a step.
 */
public final class CircuitRuntime {
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(CircuitRuntime.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Thread owner;
    private volatile boolean stepping;
    private volatile CircuitState state = CircuitState.RUNNING;
    private volatile RuntimeException failure;
    private volatile long steps;
    private final java.util.List<ArrivalPositions> positions = new java.util.ArrayList<>();
    private final java.util.List<Runnable> closeActions = new java.util.ArrayList<>();

    /** The current state. */
    public CircuitState state() {
        return state;
    }

    /** Registers the arrival positions of a sequenced or split input (worker 0's), in build order. */
    public void register(ArrivalPositions input) {
        positions.add(input);
    }

    /** The arrival positions of the circuit's sequenced and split inputs, in build order (saved by a checkpoint). */
    public java.util.List<ArrivalPositions> arrivalPositions() {
        return java.util.Collections.unmodifiableList(positions);
    }

    /** Sets the number of steps run (a restore from a checkpoint taken after step {@code n}). */
    public void restoreSteps(long n) {
        steps = n;
    }

    /** Steps completed or started. */
    public long steps() {
        return steps;
    }

    /**
     * Takes the circuit for a call by the current thread, described as {@code action} on {@code target} (for
     * the message; {@code target} may be null), and checks that it is running.
     *
     * @return true if the call took the circuit and must give it back with {@link #exit}; false if this
     *         thread held it already (a call from inside a step, on the stepping thread)
     * @throws IllegalStateException if another thread is using the circuit, or it failed or is closed
     */
    public boolean enter(String action, String target) {
        boolean took = take(action, target, true);
        try {
            ensureRunning();
        } catch (RuntimeException e) {
            exit(took);
            throw e;
        }
        return took;
    }

    /** As {@link #enter}, in any state (for reads that stay valid after a failure or a close). */
    public boolean enterInAnyState(String action, String target) {
        return take(action, target, true);
    }

    /** Gives the circuit back after a call that {@link #enter} said took it. */
    public void exit(boolean took) {
        if (took) {
            OWNER.setRelease(this, null);
        }
    }

    /**
     * Takes the circuit for a step by the current thread, checks that it is running, and counts the step.
     *
     * @return the number of the step (from 1)
     * @throws IllegalStateException if another thread is using the circuit, this thread is inside another call
     *                               on it (such as a step), or it failed or is closed
     */
    public long beginStep() {
        take("step()", null, false);
        try {
            ensureRunning();
        } catch (RuntimeException e) {
            exit(true);
            throw e;
        }
        stepping = true;
        return ++steps;
    }

    /**
     * Marks the step begun by {@link #beginStep} as run, still holding the circuit: what the stepping thread does
     * before {@link #endStep} (a step listener) may read the circuit, but not step or close it.
     */
    public void stepRan() {
        stepping = false;
    }

    /** Whether a step is running (begun and not yet run). */
    public boolean stepRunning() {
        return stepping;
    }

    /** Ends the step begun by {@link #beginStep}, giving the circuit back. */
    public void endStep() {
        stepping = false;
        exit(true);
    }

    /** Takes the circuit to close it, in any state; give it back with {@code exit(true)}. */
    public void beginClose() {
        take("close()", null, false);
    }

    private boolean take(String action, String target, boolean reentrant) {
        Thread me = Thread.currentThread();
        if (OWNER.compareAndSet(this, null, me)) {
            return true;
        }
        if (reentrant && owner == me) {
            return false;
        }
        throw refused(action, target, me);
    }

    private IllegalStateException refused(String action, String target, Thread me) {
        Thread other = owner;
        String what = action + (target == null ? "" : " " + target);
        if (other == me) {
            return new IllegalStateException(what + " called from inside " + (stepping ? "a step" : "another call on the circuit")
                    + " by the same thread (an operator or inspector may read outputs or push for the next step,"
                    + " but not step or close the circuit)");
        }
        String who = other == null ? "another thread" : "thread " + other.getName();
        return new IllegalStateException(what + (stepping ? " while a step is running on " + who : " while " + who + " is using the circuit")
                + ": a circuit is driven by one thread at a time");
    }

    /** Throws {@link IllegalStateException} unless running; after a failure its cause is the original one. */
    public void ensureRunning() {
        CircuitState s = state;
        if (s == CircuitState.FAILED) {
            RuntimeException f = failure;
            throw new IllegalStateException("the circuit failed in step " + steps + " and can no longer be used: "
                    + f.getMessage(), f);
        }
        if (s == CircuitState.CLOSED) {
            throw new IllegalStateException("the circuit is closed");
        }
    }

    /** Moves to FAILED, remembering why. */
    public void fail(RuntimeException cause) {
        failure = cause;
        state = CircuitState.FAILED;
    }

    /** Moves to CLOSED (unless already failed), and runs the actions given to {@link #onClose} (once, in any state). */
    public void close() {
        if (state == CircuitState.RUNNING) {
            state = CircuitState.CLOSED;
        }
        for (int i = closeActions.size() - 1; i >= 0; i--) {
            closeActions.remove(i).run();
        }
    }

    /** Runs {@code action} when the circuit is closed (last registered, first run), such as deleting its files. */
    public void onClose(Runnable action) {
        closeActions.add(java.util.Objects.requireNonNull(action, "action"));
    }
}
