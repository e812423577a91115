package com.acme.intake.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.acme.intake.kernel.FieldError;
import com.acme.intake.kernel.ValidationFailed;

/**
 * Refuses a JSON body with fields its type does not have ({@link UnknownFields}): 400 with a field
 * error for each, before anything is bound or stored. The body is read once here and handed on
 * unchanged; a body that is not JSON at all is left to the binding, which answers its own 400.
 */
@Provider
public class UnknownFieldsCheck implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType media = context.getMediaType();
        if (media == null || !media.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || !UnknownFields.checks(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        JsonValue json;
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readValue();
        } catch (JsonException e) {
            return context.proceed();
        }
        List<FieldError> unknown = UnknownFields.of(json, context.getGenericType());
        if (!unknown.isEmpty()) {
            throw new ValidationFailed(unknown);
        }
        return context.proceed();
    }
}
