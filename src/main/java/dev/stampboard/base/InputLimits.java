package dev.stampboard.base;

/**
 * Bounds every API body is checked against before a service sees it (Bean Validation on the request
 * records, {@code @Valid} on the body): the database's column sizes, and counts that keep one
 * request's work small.
 */
public final class InputLimits {

    /** Names of regions, stamps, nodes, customers, users (the columns are 64 wide). */
    public static final int NAME = 64;
    /** Registry login servers ({@code name.azurecr.io}; the column is 255 wide). */
    public static final int REGISTRY = 255;
    /** Reasons, questions, answers, justifications (the columns are 2,000 wide). */
    public static final int TEXT = 2000;
    /** Azure storage account names are 3–24 characters. */
    public static final int STORAGE_ACCOUNT = 24;
    /** Nodes one pool declaration may list (the largest scale set in the seed has a few dozen). */
    public static final int NODES_PER_POOL = 1000;
    /** Registries, stamps or storage accounts one request may name. */
    public static final int LIST = 100;

    private InputLimits() {}
}
