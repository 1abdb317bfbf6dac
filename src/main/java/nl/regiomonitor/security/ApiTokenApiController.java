package nl.regiomonitor.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The caller's own API keys over the API, as on the page "Mijn API-sleutels". */
@RestController
@RequestMapping("/api/v1/account/api-keys")
@Tag(
        name = "API-sleutels",
        description = "Persoonlijke sleutels om de API aan te roepen met Authorization: Bearer <sleutel>")
class ApiTokenApiController {

    /** What a new key is made with. */
    record NewKey(String name) {}

    private final ApiTokenService tokens;

    ApiTokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Uw API-sleutels, met naam, aanmaakmoment en laatste gebruik (nooit de sleutel zelf)")
    @GetMapping
    List<ApiTokenService.ApiToken> list() {
        return tokens.list(me());
    }

    @Operation(summary = "Maakt een API-sleutel; de sleutel staat alleen in dit antwoord, bewaar hem meteen")
    @ApiResponse(responseCode = "201", description = "De sleutel is gemaakt")
    @ApiResponse(
            responseCode = "400",
            description = "De naam ontbreekt of is te lang, of u heeft al het maximum aantal sleutels")
    @PostMapping
    ResponseEntity<ApiTokenService.NewApiToken> create(@RequestBody(required = false) NewKey key) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(me(), key == null ? null : key.name()));
    }

    @Operation(summary = "Trekt een van uw API-sleutels in; wie hem daarna gebruikt, krijgt 401")
    @ApiResponse(responseCode = "204", description = "De sleutel is ingetrokken")
    @ApiResponse(responseCode = "404", description = "U heeft geen sleutel met dit nummer")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        if (!tokens.revoke(me(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "U heeft geen API-sleutel met nummer " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private static AppUser me() {
        return CurrentUser.get().orElseThrow();
    }
}
