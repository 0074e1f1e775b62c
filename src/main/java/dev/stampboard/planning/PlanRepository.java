package dev.stampboard.planning;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface PlanRepository extends ListCrudRepository<RebalancePlan, String> {
    List<RebalancePlan> findByStatusOrderByCreatedAtDesc(PlanStatus status);

    List<RebalancePlan> findAllByOrderByCreatedAtDesc();

    /** The cutover engine's mirror of one move's state: one row, not the whole aggregate rewritten. */
    @org.springframework.data.jdbc.repository.query.Modifying
    @org.springframework.data.jdbc.repository.query.Query(
            "update plan_move set state = :state where plan_id = :planId and seq = :seq")
    int updateMoveState(String planId, int seq, String state);
}
