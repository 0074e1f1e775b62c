/** The capacity JSON API: recommendations per pool (the change workflow's API lives with {@code capacity.change}). */
@org.jspecify.annotations.NullMarked
package dev.stampboard.capacity.api;
