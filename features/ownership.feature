Feature: Ownership across accounts
  A record is owned by the account that created it. It reaches other accounts by bundle or by
  auto-installation; there, only its State and Note are editable.

  Background:
    Given a partner account "Partner"
    And a customer account "Customer"
    And "Partner" creates the integration record "App" permitting user credentials and token-based authentication

  @OWN-01 @FACT-02
  Scenario: A bundle installs its records, always Enabled
    Given "Partner" creates the bundle "Connector" containing "App"
    When "Customer" installs the bundle "Connector"
    Then it is accepted
    And it moves "App" in "Customer" from Absent to Enabled
    And "Customer" got the integration record "App" by a bundle
    And "Customer" does not have full control of the integration record "App"

  @OWN-01 @FACT-02 @TOKEN-02
  Scenario: Require Approval does not apply to bundle installations
    Given Require Approval is checked in "Customer"
    And "Partner" creates the bundle "Connector" containing "App"
    When "Customer" installs the bundle "Connector"
    Then the integration record "App" is Enabled in "Customer"

  @OWN-01 @OWN-03
  Scenario: Only records the account created can be bundled, and a bundle installs elsewhere
    Given "Partner" creates the bundle "Connector" containing "App"
    And "Customer" installs the bundle "Connector"
    When "Customer" creates the bundle "Resale" containing "App"
    Then it is refused by OWN-03
    When "Partner" installs the bundle "Connector"
    Then it is refused by OWN-01

  @OWN-01 @ASM-12
  Scenario: Installing a bundle leaves a record the account already holds as it is
    Given "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    And "Customer" blocks the integration record "App"
    And "Partner" creates the bundle "Connector" containing "App"
    When "Customer" installs the bundle "Connector"
    Then the integration record "App" is Blocked in "Customer"
    And "Customer" got the integration record "App" by auto-installation
    When "Customer" uninstalls the bundle "Connector"
    Then it is accepted
    And the integration record "App" is Blocked in "Customer"

  @OWN-02 @ASM-01
  Scenario: A request naming the Application ID auto-installs the record
    When "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    Then it is accepted
    And it moves "App" in "Customer" from Absent to Enabled
    And "Customer" got the integration record "App" by auto-installation
    And it is tracked by the integration record "App"

  @OWN-02 @ASM-08
  Scenario: A request refused before auto-installation installs nothing
    When "Customer" receives a get request on endpoint 2019.1 with user credentials with a wrong password and the Application ID of "App"
    Then it is refused with code INVALID_LOGIN_CREDENTIALS
    And the integration record "App" is Absent in "Customer"

  @OWN-02 @ASM-14 @FACT-04
  Scenario: A token-based request for a record the account does not hold fails its token check
    Given "Partner" creates the access token "P1" for "App"
    When "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "P1"
    Then it is refused by FACT-04
    And the Login Audit Trail shows "invalid_token"
    And the integration record "App" is Absent in "Customer"

  @OWN-03 @STATE-03
  Scenario: An installing account edits only State and Note
    Given "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    When "Customer" sets the Name of "App" to "Our connector"
    Then it is refused by OWN-03
    And it is refused with code FIELD_NOT_EDITABLE
    When "Customer" edits the integration record "App":
      | State | Blocked   |
      | Note  | on hold   |
    Then it is accepted
    And the integration record "App" is Blocked in "Customer"

  @OWN-05 @ASM-03
  Scenario: A record created in a sandbox and installed in production is owned by the sandbox
    Given a production account "Acme" with a sandbox "Acme SB"
    And "Acme SB" creates the integration record "Dev" permitting user credentials
    When "Acme" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Dev"
    Then "Acme" got the integration record "Dev" by auto-installation
    And the integration record "Dev" is owned by "Acme SB"
    And "Acme" does not have full control of the integration record "Dev"
    When "Acme" sets the Description of "Dev" to "production copy"
    Then it is refused by OWN-03

  @OWN-06 @AUTH-08
  Scenario: Only the account that created a record sees its Application ID
    Given "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    When "Customer" views the integration record "App"
    Then the record page does not show the Application ID
    And nothing shown reveals an Application ID or a secret
    When "Partner" views the integration record "App"
    Then the record page shows the Application ID

  @ASM-13 @SBX-04
  Scenario: A record whose creating account lost it is frozen
    Given a production account "Acme" with a sandbox "Acme SB"
    And "Acme SB" creates the integration record "Dev" permitting user credentials
    And the sandbox "Acme SB" is refreshed
    And "Acme SB" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Dev"
    When "Acme SB" sets the Name of "Dev" to "Renamed"
    Then it is refused by ASM-13
    When "Acme SB" regenerates the consumer key and secret of "Dev"
    Then it is refused by ASM-13
    And "Acme SB" does not have full control of the integration record "Dev"

  @ASM-20 @OWN-02 @OWN-03 @STATE-03
  Scenario: An accepted command cites exactly the rules it put to use
    When "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    Then it is accepted
    And the outcome cites exactly AUTH-01, AUTH-02, AUTH-05, LOG-01, OWN-02, ASM-01 and SBX-05
    When "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    Then the outcome cites exactly AUTH-01, AUTH-02, AUTH-05 and LOG-01
    When "Customer" sets the State of "App" to Blocked
    Then it is accepted
    And the outcome cites exactly STATE-03 and OWN-03
    When "Partner" sets the Name of "App" to "Orders connector"
    Then the outcome cites exactly REC-04 and OWN-04
