Feature: The Issue Token endpoint
  From 2019.1, an application can get a token for a user by calling the Issue Token endpoint;
  the call installs the application's integration record in the account.

  Background:
    Given a partner account "Partner"
    And a customer account "Customer"
    And "Partner" creates the integration record "App" permitting token-based authentication

  @TOKEN-01 @TOKEN-02
  Scenario: Issue Token installs the record Enabled when Require Approval is unchecked
    Given Require Approval is unchecked in "Customer"
    When the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T1"
    Then it is accepted
    And it moves "App" in "Customer" from Absent to Enabled
    And "Customer" got the integration record "App" by the Issue Token endpoint
    And the access token "T1" exists
    When "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1"
    Then it is accepted

  @TOKEN-02 @ASM-15 @STATE-02
  Scenario: With Require Approval checked the record waits for approval, and so do its tokens
    Given Require Approval is checked in "Customer"
    When the application "App" calls the Issue Token endpoint for "Customer"
    Then it is accepted
    And the integration record "App" is Waiting for Approval in "Customer"
    When "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "App token"
    Then it is refused by STATE-02
    When "Customer" enables the integration record "App"
    And "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "App token"
    Then it is accepted

  @ASM-02 @OWN-03
  Scenario: Issue Token installs the record; it never makes the account its owner
    When the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T1"
    Then the integration record "App" is owned by "Partner"
    And "Customer" does not have full control of the integration record "App"
    When "Customer" sets the Description of "App" to "ours now"
    Then it is refused by OWN-03

  @ASM-15 @STATE-01
  Scenario: On a record the account already holds, Issue Token is a request like any other
    Given the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T1"
    When the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T2"
    Then it is accepted
    And the outcome cites ASM-15
    When "Customer" blocks the integration record "App"
    And the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T3"
    Then it is refused by STATE-01
    And the access token "T3" no longer exists

  @TOKEN-01 @PERM-02
  Scenario: The token is issued for the user the endpoint is called for
    Given "Customer" has a user "Kim" whose role is integration-full
    When the application "App" calls the Issue Token endpoint for "Kim" in "Customer", receiving the token "K1"
    Then it is accepted
    And the access token "K1" belongs to "Kim" in "Customer"
    When "Customer" receives a get request on endpoint 2024.1 with token-based authentication for "App" with token "K1"
    Then it is tracked by the integration record "App"

  @FACT-08
  Scenario: Tokens need the Token-Based Authentication feature
    Given the Token-Based Authentication feature is disabled in "Customer"
    When the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T1"
    Then it is refused by FACT-08
    And it is refused with code FEATURE_DISABLED
    And the integration record "App" is Absent in "Customer"

  @AUTH-01 @TOKEN-01
  Scenario: A record that permits only user credentials gets no token
    Given "Partner" creates the integration record "Legacy" permitting user credentials
    When the application "Legacy" calls the Issue Token endpoint for "Customer", receiving the token "L1"
    Then it is refused by AUTH-01
    And "Customer" does not hold the integration record "Legacy"

  @TOKEN-01 @TOKEN-02 @FACT-03 @ASM-14
  Scenario: After a bundle uninstall, Issue Token brings the record back, waiting for approval
    Given "Partner" creates the bundle "App Bundle" containing "App"
    And "Customer" installs the bundle "App Bundle"
    And "Customer" uninstalls the bundle "App Bundle"
    And Require Approval is checked in "Customer"
    When the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T2"
    Then it is accepted
    And it moves "App" in "Customer" from Removed to Waiting for Approval
    And "Customer" got the integration record "App" by the Issue Token endpoint
