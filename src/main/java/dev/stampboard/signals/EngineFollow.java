package dev.stampboard.signals;

/**
 * Whether this instance's signals engine holds what every console instance stored: several instances share one
 * database, and each follows the samples and inventory changes the others accepted (README "Several instances").
 * The cutover executor judges a validation only when this says the engine has caught up.
 */
public interface EngineFollow {

    /**
     * Reads the store once more and answers whether every sample committed before {@code nanoTime} (a
     * {@link System#nanoTime} reading) is now in the engine. Always true when following is switched off (one
     * instance).
     */
    boolean caughtUpAsOf(long nanoTime);

    /** What the engine is still waiting for, in words for the migration monitor. */
    String behind();
}
