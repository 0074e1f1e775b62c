package dev.stampboard.base;

/**
 * For periodic jobs that two console instances sharing one database would otherwise both run (plan
 * expiry, isolation progress): only the instance holding the job's lease runs it. The cutover module
 * implements it with its executor lease.
 */
public interface SingleInstanceJobs {

    /** Takes or renews this instance's lease of {@code job}; true when this instance should run the job now. */
    boolean holdsLease(String job);
}
