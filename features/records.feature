Feature: Integration records
  Every external application has its own integration record in the account that created it:
  a Name, a Description, a generated Application ID, the authentication methods it may use,
  and consumer credentials that can only be regenerated.

  Background:
    Given a partner account "Partner"
    And a customer account "Customer"

  @REC-01 @REC-03
  Scenario: A new record is available at once, Enabled, and owned by its account
    When "Partner" creates the integration record "App" permitting token-based authentication with:
      | Name        | Orders connector              |
      | Description | Sends orders to the warehouse |
    Then it is accepted
    And the integration record "App" is Enabled in "Partner"
    And the integration record "App" is owned by "Partner"
    And "Partner" has full control of the integration record "App"
    And the Name of "App" in "Partner" is "Orders connector"
    And the Description of "App" in "Partner" is "Sends orders to the warehouse"
    When "Partner" views the integration record "App"
    Then the record page shows the Name "Orders connector"
    And the record page shows the State Enabled
    And the record page shows the Authentication token-based authentication

  @REC-01 @PERM-01
  Scenario: The Integrations list shows each record the account holds with its State
    Given "Partner" creates the integration record "App" permitting user credentials
    And "Partner" creates the integration record "Old" permitting user credentials
    And "Partner" blocks the integration record "Old"
    When "Partner" opens the Integrations list
    Then the Integrations list shows "App" as Enabled
    And the Integrations list shows "Old" as Blocked
    When "Customer" opens the Integrations list
    Then the Integrations list does not show "App"

  @REC-02 @AUTH-08
  Scenario: The Application ID is shown to its creator and can never be edited
    Given "Partner" creates the integration record "App" permitting user credentials
    When "Partner" views the integration record "App"
    Then the record page shows the Application ID
    When "Partner" sets the Application ID of "App" to "1234"
    Then it is refused by REC-02
    And it is refused with code FIELD_NOT_EDITABLE

  @REC-04 @OWN-04
  Scenario: The owner's edits of common fields reach every account without system notes there
    Given "Partner" creates the integration record "App" permitting user credentials
    And "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    When "Partner" edits the integration record "App":
      | Name        | Orders connector 2 |
      | Description | Now with returns   |
    Then it is accepted
    And the Name of "App" in "Customer" is "Orders connector 2"
    And the Description of "App" in "Customer" is "Now with returns"
    And "Partner" has 1 system note for "App"
    And "Customer" has 0 system notes for "App"

  @REC-04 @STATE-03
  Scenario: State and Note belong to each account
    Given "Partner" creates the integration record "App" permitting user credentials
    And "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    When "Customer" sets the Note of "App" to "paused during the audit"
    And "Customer" blocks the integration record "App"
    Then the integration record "App" is Blocked in "Customer"
    And the integration record "App" is Enabled in "Partner"
    And the Note of "App" in "Customer" is "paused during the audit"
    And the Note of "App" in "Partner" is ""

  @REC-05
  Scenario: Consumer Key and Consumer Secret cannot be edited
    Given "Partner" creates the integration record "App" permitting token-based authentication
    When "Partner" sets the Consumer Key of "App" to "my own key"
    Then it is refused by REC-05
    When "Partner" sets the Consumer Secret of "App" to "my own secret"
    Then it is refused by REC-05
    And it is refused with code FIELD_NOT_EDITABLE

  @REC-05
  Scenario: Consumer credentials are regenerated only in the account that created the record
    Given "Partner" creates the integration record "App" permitting token-based authentication
    And "Partner" creates the bundle "Connector" containing "App"
    And "Customer" installs the bundle "Connector"
    When "Customer" regenerates the consumer key and secret of "App"
    Then it is refused by REC-05
    When "Partner" regenerates the consumer key and secret of "App"
    Then it is accepted
    And the consumer key of "App" has been regenerated

  @REC-06
  Scenario: A record must permit at least one authentication method
    When "Partner" creates the integration record "App" permitting no authentication method
    Then it is refused by REC-06
    And it is refused with code INVALID_FLD_VALUE
    And the integration record "App" is Absent in "Partner"

  @REC-06 @AUTH-01
  Scenario: The methods chosen at creation decide which requests are accepted
    Given "Partner" creates the integration record "App" permitting token-based authentication
    When "Partner" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    Then it is refused by AUTH-01
    And the Login Audit Trail shows "method_not_permitted"
    When "Partner" sets the Authentication of "App" to user credentials and token-based authentication
    And "Partner" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    Then it is accepted

  @FACT-01
  Scenario: A record may be created Blocked, but nobody can choose Waiting for Approval
    When "Partner" creates the integration record "App" permitting user credentials with:
      | State | Blocked |
    Then the integration record "App" is Blocked in "Partner"
    When "Partner" sets the State of "App" to Waiting for Approval
    Then it is refused by FACT-01
    And the integration record "App" is Blocked in "Partner"

  @FACT-03
  Scenario: Records are never deleted; removing one from use means blocking it
    Given "Partner" creates the integration record "App" permitting user credentials
    When "Partner" blocks the integration record "App"
    And "Partner" opens the Integrations list
    Then the Integrations list shows "App" as Blocked
    And "Partner" holds the integration record "App"

  @REC-02 @REC-04 @SBX-03
  Scenario: A refresh copies production's record to the sandbox with the same common fields
    Given a production account "Acme" with a sandbox "Acme SB"
    And "Acme" creates the integration record "App" permitting token-based authentication
    When the common fields of "App" in "Acme" are noted as "before the refresh"
    And the sandbox "Acme SB" is refreshed
    Then the common fields of "App" are the same in "Acme" and "Acme SB"
    And the Application ID of "App" has NetSuite's form
    And the common fields of "App" in "Acme SB" are unchanged since "before the refresh"
