package com.acme.intake.it;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/** A small real HTTP client for the API, authenticating with HTTP Basic as the demo users. */
public final class Api {

    public static final String PASSWORD = "demo";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Api(URL deployment) {
        this.base = URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/");
    }

    /** An answer: status, headers and the body parsed as JSON when it is JSON. */
    public record Answer(int status, HttpResponse<String> raw) {

        public JsonObject object() {
            return (JsonObject) json();
        }

        public JsonArray array() {
            return (JsonArray) json();
        }

        public JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(raw.body()))) {
                return reader.read();
            }
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Answer get(String user, String path) {
        return send(user, "GET", path, null);
    }

    public Answer post(String user, String path, String json) {
        return send(user, "POST", path, json);
    }

    public Answer put(String user, String path, String json) {
        return send(user, "PUT", path, json);
    }

    public Answer delete(String user, String path) {
        return send(user, "DELETE", path, null);
    }

    public Answer send(String user, String method, String path, String json) {
        return send(user, PASSWORD, method, path, json);
    }

    public Answer send(String user, String password, String method, String path, String json) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** Sends raw bytes (a file upload) with the given content type. */
    public Answer upload(String user, String path, String contentType, byte[] content) {
        return post(user, path, contentType, HttpRequest.BodyPublishers.ofByteArray(content));
    }

    /** Posts a body of unknown length (chunked transfer, no Content-Length), as a streaming client would. */
    public Answer postChunked(String user, String path, String contentType, byte[] content) {
        return post(user, path, contentType,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(content)));
    }

    private Answer post(String user, String path, String contentType, HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(body)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    /** Polls until the answer satisfies the condition (jobs and timers run asynchronously). */
    public Answer await(String user, String path, Predicate<Answer> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last;
        do {
            last = get(user, path);
            if (condition.test(last)) {
                return last;
            }
            sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Timed out after " + timeout + " waiting on " + path + "; last answer: " + last);
    }

    /** Submits a request as the user; asserts 201 and returns the new request's id. */
    public long submit(String user, String body) {
        Answer created = post(user, "api/requests", body);
        if (created.status() != 201) {
            throw new AssertionError("submission refused: " + created);
        }
        return created.object().getJsonNumber("id").longValue();
    }

    /** The privacy reviewer and then the platform engineer approve the request from their inboxes. */
    public void approveBoth(long requestId, String privacyReviewer, String platformEngineer) {
        decide(privacyReviewer, awaitTask(privacyReviewer, requestId, "privacyReview"), "APPROVE");
        decide(platformEngineer, awaitTask(platformEngineer, requestId, "platformReview"), "APPROVE");
    }

    private void decide(String user, String taskId, String outcome) {
        Answer decided = post(user, "api/tasks/" + taskId + "/decision", "{\"outcome\": \"" + outcome + "\"}");
        if (decided.status() != 200) {
            throw new AssertionError(user + " could not decide " + taskId + ": " + decided);
        }
    }

    /** Waits until the request has the status (provisioning runs asynchronously); returns it. */
    public JsonObject awaitStatus(String user, long requestId, String status, Duration timeout) {
        return await(user, "api/requests/" + requestId, a -> a.object().getString("status").equals(status), timeout)
                .object();
    }

    /** The id of the open task with the given key for the request in the user's inbox, or null. */
    public String taskOf(String user, long requestId, String taskKey) {
        for (JsonValue v : get(user, "api/tasks?requestId=" + requestId).array()) {
            JsonObject t = v.asJsonObject();
            if (t.getString("key").equals(taskKey) && !t.isNull("requestId")
                    && t.getJsonNumber("requestId").longValue() == requestId) {
                return t.getString("id");
            }
        }
        return null;
    }

    public String awaitTask(String user, long requestId, String taskKey) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String id = taskOf(user, requestId, taskKey);
            if (id != null) {
                return id;
            }
            sleep(250);
        }
        throw new AssertionError(taskKey + " of request " + requestId + " never reached the inbox of " + user);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
