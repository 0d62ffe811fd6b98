package dev.passgate.partner;

/**
 * The connection at the other end, once found: its node and its signed owners. The task
 * token is null when the partner's connection belongs to no session.
 */
record Partner(String node, boolean sameImage, String ownerUToken, UToken owner, String taskUToken, UToken task) {
}
