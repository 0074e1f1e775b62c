package dev.stampboard.simulator.model;

/**
 * A customer (tenant owner). {@code loginUser} is the console user who acts as this customer,
 * or {@code null} when no console user is this customer. {@code rhythm}: its time zone, weekly dip, growth, bursts.
 */
public record ScenarioCustomer(
        String name,
        String displayName,
        @org.jspecify.annotations.Nullable String loginUser,
        CustomerRhythm rhythm) {

    public ScenarioCustomer(String name, String displayName, @org.jspecify.annotations.Nullable String loginUser) {
        this(name, displayName, loginUser, CustomerRhythm.STEADY);
    }
}
