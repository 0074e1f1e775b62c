package dev.stampboard.isolation;

import dev.stampboard.planning.PlanId;
import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface IsolationRequestRepository extends ListCrudRepository<IsolationRequest, String> {

    List<IsolationRequest> findAllByOrderByRequestedAtDesc();

    List<IsolationRequest> findByStateIn(List<IsolationState> states);

    List<IsolationRequest> findByPlanId(String planId);

    /** The requests whose migration runs as this plan (the column keeps the id as text). */
    default List<IsolationRequest> linkedTo(PlanId plan) {
        return findByPlanId(plan.value());
    }
}
