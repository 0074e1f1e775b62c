/** Inventory over the JSON API: regions, stamps and registries. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.fleet.api;
