/**
 * The capacity arithmetic in plain Java (no Spring, Vaadin or Azure): the same load spread over fewer or more nodes
 * (DESIGN §3's model), the lowest node count that keeps a pool's predicted hot-node P95 under its limit, and a
 * growth forecast of the daily peak P95 (trend plus weekly seasonality, Commons Math least squares) with a
 * prediction band and the days until the pool turns HOT.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("engine")
package dev.stampboard.capacity.engine;
