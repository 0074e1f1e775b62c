package dev.stampboard.support;

import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServletService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceDestroyEvent;
import com.vaadin.flow.server.ServiceDestroyListener;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The Karibu servlet of one Spring context, initialised once and shared by the UI tests on that context, as the
 * running console has one servlet for its lifetime. A new servlet per {@code MockVaadin.setup} initialised a Vaadin
 * service twice a test (about 9 % of the view tests' CPU, README "Tests").
 *
 * <p>Karibu's {@code MockVaadin.tearDown} ends every test by firing the service's destroy listeners, as if the
 * application stopped: Vaadin's own would unregister the service's signal environment and drop its component
 * metadata, leaving a half-destroyed service to the next test. So this servlet's service keeps its destroy
 * listeners aside (Karibu only sees the service's own, empty, set) and fires them when the Spring context closes.
 */
public final class ContextServlet extends MockSpringServlet {

    private static final Map<ApplicationContext, ContextServlet> BY_CONTEXT = new ConcurrentHashMap<>();

    private ContextServlet(Routes routes, ApplicationContext ctx, Function0<UI> uiFactory) {
        super(routes, ctx, uiFactory);
    }

    /** The servlet of {@code ctx}; the first call creates it ({@code MockVaadin.setup} initialises it once). */
    public static ContextServlet of(ApplicationContext ctx, Routes routes, Function0<UI> uiFactory) {
        return BY_CONTEXT.computeIfAbsent(ctx, context -> {
            var servlet = new ContextServlet(routes, context, uiFactory);
            ((ConfigurableApplicationContext) context).addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    BY_CONTEXT.remove(context);
                    servlet.destroy();
                }
            });
            return servlet;
        });
    }

    /** Karibu's {@code MockSpringServlet.createServletService}, with the service below. */
    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new ContextService(this, configuration, ctx, uiFactory);
        service.init();
        routes.register((VaadinServletContext) service.getContext());
        return service;
    }

    /** Holds its destroy listeners until the context closes (class comment). */
    private static final class ContextService extends MockSpringServletService {

        private final Set<ServiceDestroyListener> destroyListeners = ConcurrentHashMap.newKeySet();

        ContextService(
                MockSpringServlet servlet,
                DeploymentConfiguration configuration,
                ApplicationContext ctx,
                Function0<UI> uiFactory) {
            super(servlet, configuration, ctx, uiFactory);
        }

        @Override
        public Registration addServiceDestroyListener(ServiceDestroyListener listener) {
            return Registration.addAndRemove(destroyListeners, listener);
        }

        @Override
        public void destroy() {
            super.destroy();
            var event = new ServiceDestroyEvent(this);
            destroyListeners.forEach(listener -> listener.serviceDestroy(event));
        }
    }
}
