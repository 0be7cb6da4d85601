package cn.govdata.catalog.security;

import cn.govdata.catalog.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users and API keys (governance administrators), and "who am I" for everyone signed in. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "users")
class UserController {

  private final Users users;
  private final UserRepository repository;

  UserController(Users users, UserRepository repository) {
    this.users = users;
    this.repository = repository;
  }

  record NewUser(String username, String password, Role role, Long departmentId) {}

  record NewApiKey(String label) {}

  @GetMapping("/me")
  @Operation(summary = "The signed-in user: name, role and department")
  Caller me(Caller caller) {
    return caller;
  }

  @GetMapping("/users")
  List<UserRepository.UserView> list() {
    return repository.list();
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> create(@RequestBody NewUser user) {
    users.create(user.username(), user.password(), user.role(), user.departmentId());
    return Map.of("username", user.username());
  }

  @PostMapping("/users/{username}/api-keys")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Issue an API key; the key is shown only in this response")
  Map<String, String> issueKey(
      @PathVariable String username, @RequestBody(required = false) NewApiKey body) {
    if (!repository.exists(username)) {
      throw ApiException.notFound("user", username);
    }
    return Map.of("apiKey", users.issueApiKey(username, body == null ? null : body.label()));
  }
}
