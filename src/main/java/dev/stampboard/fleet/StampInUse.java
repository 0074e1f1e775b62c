package dev.stampboard.fleet;

import java.util.List;

/**
 * Something other than a replica's home that may still put a replica on a stamp or take one back there: a stamp is not
 * retired while any says so. Implemented by the module that moves replicas (the cutover executor's runs in flight,
 * whose rollback puts replicas back onto their source), so the inventory need not know it.
 */
public interface StampInUse {

    /**
     * Why the stamp is still in use, one line each (e.g. "plan … (PAUSED) moves acme.io eus-s05 → eus-s02"); empty
     * when it is not. Read in the caller's transaction, after the stamp's row is locked.
     */
    List<String> usesOf(String stamp);
}
