package dev.stampboard.fleet;

/**
 * Published in the writing transaction after a stamp was created on this instance, its pools gained or lost nodes, or
 * its status changed; listeners read the stamp as committed ({@link FleetService#freshStamp}). What other console
 * instances wrote arrives as {@link StampsFollowed}.
 */
public record StampDeclared(String stamp) {}
