/**
 * The embedded fleet simulator's world: a scenario (regions, stamps, customers, registries and their traffic
 * profiles) and a pure function from (seed, minute, fleet layout) to one minute of node CPU and per-replica
 * traffic. Plain Java: no clock, no database, no framework.
 * <p>
 * The world is deliberately <b>not</b> the planner's model (DESIGN §3, §12), and {@code planning} never imports
 * it. The planner assumes a pool's hot node is an idle baseline plus load in proportion to request and byte shares.
 * Here instead: a request costs by operation (manifest/auth calls cost more than blob redirects) and a byte by how
 * often the registry misses the node cache — a hidden factor per registry; idle nodes burn a baseline the planner
 * does not know; each registry's hot keys hash onto a third of a pool's nodes, so the hot node is not proportional
 * to the pool average and a move changes it by more or less than its share; a stamp that just received a registry
 * serves it from cold caches, extra work that halves every couple of hours; the stamp it left still serves
 * in-flight requests for up to a minute; latency grows like a queue (steeply near saturation), with throttling
 * above 85 % and 5xx bursts above 92 %; customers keep their own time zones, quiet weekends, weekly growth and
 * rare release bursts. So the console's predictions can and do miss, and validation can fail.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("model")
package dev.stampboard.simulator.model;
