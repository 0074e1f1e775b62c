/**
 * Azure adapters (profile {@code azure}; the simulator stays the default): the inventory from
 * Resource Manager (tagged VM scale sets and storage accounts), per-instance CPU from Azure Monitor
 * fed to the same signals engine as the ingestion API, DNS records as the cutover's routing, and
 * scale-set capacity and dedicated-stamp provisioning. Everything Azure stays inside this module:
 * the rest of the console only knows the ports it implements.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.azure;
