package dev.stampboard.isolation;

import java.util.List;

/** A dedicated stamp's size as computed from a request (DESIGN §6), with the arithmetic, one line per figure. */
public record DedicatedSizing(int registryNodes, int dataproxyNodes, int storageAccounts, String arithmetic) {

    public List<String> arithmeticLines() {
        return List.of(arithmetic.split("; "));
    }
}
