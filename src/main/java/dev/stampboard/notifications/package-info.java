/**
 * Tells people what waits for them: an in-app notification centre per user (plans awaiting approval,
 * requests needing the customer's answer, paused or failed migrations, stamps turning HOT) and an
 * optional outgoing webhook an admin configures. Fed by the other modules' events; owns the
 * notification and webhook tables.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.notifications;
