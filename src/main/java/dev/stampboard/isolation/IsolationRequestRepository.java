package dev.stampboard.isolation;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface IsolationRequestRepository extends ListCrudRepository<IsolationRequest, String> {

    List<IsolationRequest> findAllByOrderByRequestedAtDesc();

    List<IsolationRequest> findByStateIn(List<IsolationState> states);

    List<IsolationRequest> findByPlanId(String planId);
}
