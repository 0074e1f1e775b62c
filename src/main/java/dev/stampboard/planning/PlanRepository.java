package dev.stampboard.planning;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface PlanRepository extends ListCrudRepository<RebalancePlan, String> {
    List<RebalancePlan> findByStatusOrderByCreatedAtDesc(PlanStatus status);

    List<RebalancePlan> findAllByOrderByCreatedAtDesc();
}
