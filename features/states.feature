Feature: States of a record in each account
  A record is Enabled, Blocked or Waiting for Approval in each account that holds it; only
  Enabled records have their requests accepted.

  Background:
    Given a partner account "Partner"
    And a customer account "Customer"
    And "Partner" creates the integration record "App" permitting user credentials and token-based authentication

  @STATE-01 @FACT-13
  Scenario: A Blocked record has its token-based requests rejected
    Given "Partner" creates the access token "P1" for "App"
    And "Partner" blocks the integration record "App"
    When "Partner" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "P1"
    Then it is refused by STATE-01
    And it is refused with code INVALID_LOGIN_ATTEMPT
    And the Login Audit Trail shows "consumer_key_refused"

  @STATE-01 @ASM-18
  Scenario: A Blocked record has its user-credential requests rejected
    Given "Partner" blocks the integration record "App"
    When "Partner" receives a search request on endpoint 2019.2 with user credentials and the Application ID of "App"
    Then it is refused by STATE-01
    And the Login Audit Trail shows "integration_blocked"

  @STATE-01 @STATE-03
  Scenario: Blocking in one account does not block the record elsewhere
    Given "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    When "Customer" blocks the integration record "App"
    Then it moves "App" in "Customer" from Enabled to Blocked
    When "Partner" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    Then it is accepted
    And the integration record "App" is Enabled in "Partner"

  @STATE-02 @ASM-01
  Scenario: A record Waiting for Approval has every request blocked until someone enables it
    Given Require Approval is checked in "Customer"
    When "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    Then it is refused by STATE-02
    And the Login Audit Trail shows "waiting_for_approval"
    And the integration record "App" is Waiting for Approval in "Customer"
    When "Customer" enables the integration record "App"
    Then it moves "App" in "Customer" from Waiting for Approval to Enabled
    When "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    Then it is accepted

  @STATE-02 @STATE-03
  Scenario: A record Waiting for Approval can be blocked instead of approved
    Given Require Approval is checked in "Customer"
    When "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    Then it is refused by STATE-02
    When "Customer" blocks the integration record "App"
    Then it is accepted
    And the integration record "App" is Blocked in "Customer"

  @STATE-03 @PERM-02
  Scenario: A user with the Full permission edits State and Note in an installing account
    Given "Customer" has a user "Kim" whose role is integration-full
    And "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    When "Kim" in "Customer" sets the Note of "App" to "approved by Kim"
    Then it is accepted
    And the Note of "App" in "Customer" is "approved by Kim"

  @ASM-16 @AUTH-05
  Scenario: A session keeps its record, whose State still decides
    Given "Customer" receives a login request on endpoint 2019.1 for the session "S1" with user credentials and the Application ID of "App"
    And "Customer" receives a get request on endpoint 2019.1 with the session "S1"
    And it is accepted
    When "Customer" blocks the integration record "App"
    And "Customer" receives a get request on endpoint 2019.1 with the session "S1"
    Then it is refused by STATE-01

  @ASM-16
  Scenario: A session fails once its record left the account
    Given "Partner" creates the bundle "Connector" containing "App"
    And "Customer" installs the bundle "Connector"
    And "Customer" receives a login request on endpoint 2019.1 for the session "S1" with user credentials and the Application ID of "App"
    When "Customer" uninstalls the bundle "Connector"
    And "Customer" receives a get request on endpoint 2019.1 with the session "S1"
    Then it is refused by ASM-16
    And it is refused with code INVALID_SESSION
