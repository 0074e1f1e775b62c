package dev.stampboard.simulator.model;

import java.util.List;

/** Everything the fleet measured in one minute ({@code minute} = epoch second / 60). */
public record MinuteSnapshot(long minute, List<NodeCpuSample> nodeCpu, List<ReplicaTraffic> traffic) {

    public MinuteSnapshot {
        nodeCpu = List.copyOf(nodeCpu);
        traffic = List.copyOf(traffic);
    }
}
