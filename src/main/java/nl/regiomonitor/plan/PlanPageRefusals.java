package nl.regiomonitor.plan;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import nl.regiomonitor.web.ErrorAnswers;
import nl.regiomonitor.web.ErrorPageAttributes;

/** The plan pages can refuse as the service does: not there, not the user's, or not in the right state; the error page says why. */
@ControllerAdvice(assignableTypes = {PlanPagesController.class, PlanEditPagesController.class})
class PlanPageRefusals {

    @ExceptionHandler(PlanRefused.class)
    void refused(PlanRefused e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(ErrorPageAttributes.EXPLANATION, e.getMessage());
        response.sendError(ErrorAnswers.status(e.kind()).value(), e.getMessage());
    }
}
