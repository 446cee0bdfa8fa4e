Feature: Sandbox refresh
  A refresh overwrites a sandbox with its production account's data. Records that existed only
  in the sandbox are removed, and can come back by auto-installation.

  Background:
    Given a production account "Acme" with a sandbox "Acme SB"
    And "Acme" has a user "Lee" whose role is integration-full

  @SBX-01 @SBX-03 @ASM-04
  Scenario: Production's records are copied into the sandbox with their State and Note
    Given "Acme" creates the integration record "Prod" permitting token-based authentication
    And "Acme" edits the integration record "Prod":
      | State | Blocked |
      | Note  | on hold |
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "Prod" in "Acme SB" from Absent to Blocked
    And the Note of "Prod" in "Acme SB" is "on hold"
    And "Acme SB" got the integration record "Prod" by a sandbox refresh

  @ASM-04 @OWN-03
  Scenario: A copied production record is installed, not owned, in the sandbox
    Given "Acme" creates the integration record "Prod" permitting user credentials
    And the sandbox "Acme SB" is refreshed
    When "Acme SB" sets the Name of "Prod" to "Sandbox name"
    Then it is refused by OWN-03
    When "Acme SB" sets the Note of "Prod" to "testing here"
    Then it is accepted
    And "Acme SB" does not have full control of the integration record "Prod"

  @SBX-02 @FACT-03
  Scenario: A record that existed only in the sandbox is removed by the refresh
    Given "Acme SB" creates the integration record "Draft" permitting user credentials
    When the sandbox "Acme SB" is refreshed
    Then it moves "Draft" in "Acme SB" from Enabled to Removed
    And the integration record "Draft" is Removed in "Acme SB"
    And "Acme SB" does not hold the integration record "Draft"

  @SBX-04 @SBX-05
  Scenario: A removed record is auto-installed back by its Application ID, with an empty log and Note
    Given "Acme SB" creates the integration record "Draft" permitting user credentials
    And "Acme SB" sets the Note of "Draft" to "first try"
    And "Acme SB" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Draft"
    And the sandbox "Acme SB" is refreshed
    When "Acme SB" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Draft"
    Then it is accepted
    And the outcome cites SBX-04
    And it moves "Draft" in "Acme SB" from Removed to Enabled
    And the Note of "Draft" in "Acme SB" is ""
    And the execution log of "Draft" in "Acme SB" has 1 entry
    And "Acme SB" does not have full control of the integration record "Draft"

  @SBX-05 @ASM-01 @ASM-05 @TOKEN-02
  Scenario: Production's Require Approval comes with the refresh and decides the State of a record brought back
    Given "Acme SB" creates the integration record "Draft" permitting user credentials
    And Require Approval is checked in "Acme"
    And the sandbox "Acme SB" is refreshed
    When "Acme SB" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Draft"
    Then it is refused by STATE-02
    And the integration record "Draft" is Waiting for Approval in "Acme SB"

  @ASM-05 @SBX-01 @FACT-04
  Scenario: A refresh clears the sandbox's logs, tokens and sessions but keeps its users
    Given "Acme SB" has a user "Tess" whose role is integration-full
    And "Acme" creates the integration record "Prod" permitting user credentials and token-based authentication
    And the sandbox "Acme SB" is refreshed
    And "Acme SB" creates the access token "SB1" for "Prod"
    And "Acme" creates the access token "P1" for "Prod"
    And "Acme SB" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Prod"
    And "Acme SB" receives a login request on endpoint 2019.1 for the session "S1" with user credentials and the Application ID of "Prod"
    And it is accepted
    And the Default Web Services Integrations record is Blocked in "Acme"
    When the sandbox "Acme SB" is refreshed
    Then the access token "SB1" no longer exists
    And the access token "P1" exists
    And the SOAP web services usage log of "Acme SB" has 0 entries
    And the execution log of "Prod" in "Acme SB" has 0 entries
    When "Acme SB" receives a get request on endpoint 2015.1 with user credentials
    Then it is refused by FACT-06
    When "Acme SB" receives a get request on endpoint 2019.1 with the session "S1"
    Then it is refused with code INVALID_SESSION
    When "Tess" in "Acme SB" views the integration record "Prod"
    Then it is accepted

  @FACT-04
  Scenario: Production's tokens are not copied into the sandbox
    Given "Acme" creates the integration record "Prod" permitting token-based authentication
    And "Acme" creates the access token "P1" for "Prod"
    And the sandbox "Acme SB" is refreshed
    When "Acme SB" receives a get request on endpoint 2021.1 with token-based authentication for "Prod" with token "P1"
    Then it is refused by FACT-04

  @OWN-05 @ASM-03 @SBX-03
  Scenario: A sandbox keeps ownership of its record that production holds, and gets production's State
    Given "Acme SB" creates the integration record "Dev" permitting user credentials
    And "Acme" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Dev"
    And "Acme" blocks the integration record "Dev"
    When the sandbox "Acme SB" is refreshed
    Then the integration record "Dev" is Blocked in "Acme SB"
    And "Acme SB" has full control of the integration record "Dev"
    And the integration record "Dev" is owned by "Acme SB"

  @SBX-06
  Scenario: Develop in the sandbox, then create a new record in production with the tested settings
    Given "Acme SB" creates the integration record "Draft" permitting token-based authentication with:
      | Name        | Order sync            |
      | Description | Syncs orders nightly  |
    And "Acme SB" creates the access token "SB1" for "Draft"
    And "Acme SB" receives a get request on endpoint 2021.1 with token-based authentication for "Draft" with token "SB1"
    And it is accepted
    When "Lee" in "Acme" creates the integration record "Final" permitting token-based authentication with:
      | Name        | Order sync            |
      | Description | Syncs orders nightly  |
    And the sandbox "Acme SB" is refreshed
    Then the integration record "Final" is owned by "Acme"
    And the integration record "Final" is Enabled in "Acme SB"
    And the integration record "Draft" is Removed in "Acme SB"
    And "Acme" does not hold the integration record "Draft"

  @SBX-03 @SBX-01 @ASM-01
  Scenario: A record waiting for approval in the sandbox takes production's Blocked State on refresh
    Given "Acme" creates the integration record "Billing" permitting user credentials and token-based authentication with:
      | State | Blocked |
    And Require Approval is checked in "Acme SB"
    When "Acme SB" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "Billing"
    Then it is refused by STATE-02
    And the integration record "Billing" is Waiting for Approval in "Acme SB"
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "Billing" in "Acme SB" from Waiting for Approval to Blocked

  @SBX-03 @ASM-12
  Scenario: A record uninstalled from the sandbox comes back Blocked with the refresh when production blocked it
    Given "Acme" creates the integration record "Billing" permitting user credentials and token-based authentication with:
      | State | Blocked |
    And "Acme" creates the bundle "Billing Bundle" containing "Billing"
    And "Acme SB" installs the bundle "Billing Bundle"
    And "Acme SB" uninstalls the bundle "Billing Bundle"
    And the integration record "Billing" is Removed in "Acme SB"
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "Billing" in "Acme SB" from Removed to Blocked

  @ASM-04 @ASM-12 @SBX-03
  Scenario: A bundle production installed comes with the refresh and can be uninstalled from the sandbox
    Given a partner account "Partner"
    And "Partner" creates the integration record "Connector" permitting token-based authentication
    And "Partner" creates the bundle "Connector Bundle" containing "Connector"
    And "Acme" installs the bundle "Connector Bundle"
    And the sandbox "Acme SB" is refreshed
    And "Acme SB" got the integration record "Connector" by a bundle
    When "Acme SB" uninstalls the bundle "Connector Bundle"
    Then it is accepted
    And it moves "Connector" in "Acme SB" from Enabled to Removed
    And the integration record "Connector" is Enabled in "Acme"
