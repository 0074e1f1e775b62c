/** Fleet screens a customer sees: their own registries. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.fleet.ui;
