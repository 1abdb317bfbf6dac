package nl.regiomonitor.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds the Dutch explanation a component left for the error page ({@link #EXPLANATION}), such as
 * why a request was refused. Exception messages never reach the page.
 */
@Component
public class ErrorPageAttributes extends DefaultErrorAttributes {

    public static final String EXPLANATION = "regiomonitor.refusal";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object explanation = request.getAttribute(EXPLANATION, RequestAttributes.SCOPE_REQUEST);
        if (explanation != null) {
            attributes.put("explanation", explanation);
        }
        return attributes;
    }
}
