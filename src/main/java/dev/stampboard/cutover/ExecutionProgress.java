package dev.stampboard.cutover;

import dev.stampboard.planning.MoveProgress;
import dev.stampboard.planning.PlanId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Planning's window onto the moves' execution state: read from the engine's own tables, never copied. */
@Component
class ExecutionProgress implements MoveProgress {

    private final ExecutionStore store;

    ExecutionProgress(ExecutionStore store) {
        this.store = store;
    }

    @Override
    public Map<Integer, String> statesOf(PlanId planId) {
        Map<Integer, String> states = new LinkedHashMap<>();
        store.moves(planId).forEach(m -> states.put(m.seq, m.state().name()));
        return states;
    }
}
