Feature: Every way into and out of a lifecycle state
  One scenario for each statechart transition that no story elsewhere takes, so that every
  transition the world can take is checked by a scenario, not only by random properties.
  (Seeded from the coverage report's proposed scenarios.)

  # absent --REFRESH_COPY[SBX-03:productionWaiting]--> waitingForApproval
  @SBX-03
  Scenario: A record waiting for approval in production arrives in the sandbox waiting too
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And a partner account "Partner"
    And "Partner" creates the integration record "App" permitting user credentials and token-based authentication
    And Require Approval is checked in "Acme"
    When "Acme" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "App"
    Then it is refused by STATE-02
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Absent to Waiting for Approval
    And the integration record "App" is Waiting for Approval in "Acme SB"

  # enabled --REFRESH_COPY[SBX-03:productionWaiting]--> waitingForApproval
  @SBX-01 @SBX-03
  Scenario: A sandbox record production auto-installed under Require Approval comes back waiting
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And "Acme SB" creates the integration record "App" permitting user credentials and token-based authentication
    And Require Approval is checked in "Acme"
    When "Acme" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "App"
    Then it is refused by STATE-02
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Enabled to Waiting for Approval
    And the integration record "App" is Waiting for Approval in "Acme SB"

  # blocked --UNINSTALL_BUNDLE[OWN-01:installedByBundle]--> removed
  @OWN-01
  Scenario: Uninstalling a bundle removes its record even while it is Blocked
    Given a partner account "Partner"
    And a customer account "Customer"
    And "Partner" creates the integration record "App" permitting user credentials and token-based authentication
    And "Partner" creates the bundle "App Bundle" containing "App"
    And "Customer" installs the bundle "App Bundle"
    And "Customer" sets the State of "App" to Blocked
    When "Customer" uninstalls the bundle "App Bundle"
    Then it is accepted
    And it moves "App" in "Customer" from Blocked to Removed
    And the integration record "App" is Removed in "Customer"

  # blocked --REFRESH_REMOVE--> removed
  @SBX-01 @SBX-02
  Scenario: A Blocked sandbox-only record is removed by the refresh
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And "Acme SB" creates the integration record "App" permitting user credentials and token-based authentication with:
      | State | Blocked |
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Blocked to Removed
    And the integration record "App" is Removed in "Acme SB"

  # blocked --REFRESH_COPY[SBX-03:productionEnabled]--> enabled
  @SBX-01 @SBX-03
  Scenario: A sandbox record blocked in the sandbox but Enabled in production is Enabled after the refresh
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And "Acme SB" creates the integration record "App" permitting user credentials and token-based authentication with:
      | State | Blocked |
    And "Acme SB" creates the bundle "App Bundle" containing "App"
    And "Acme" installs the bundle "App Bundle"
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Blocked to Enabled
    And the integration record "App" is Enabled in "Acme SB"

  # blocked --REFRESH_COPY[SBX-03:productionBlocked]--> blocked
  @SBX-01 @SBX-03
  Scenario: A production record blocked everywhere stays Blocked through a second refresh
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And "Acme" creates the integration record "App" permitting user credentials and token-based authentication with:
      | State | Blocked |
    And the sandbox "Acme SB" is refreshed
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Blocked to Blocked
    And the integration record "App" is Blocked in "Acme SB"

  # blocked --REFRESH_COPY[SBX-03:productionWaiting]--> waitingForApproval
  @SBX-01 @SBX-03
  Scenario: A sandbox record blocked in the sandbox but waiting in production is waiting after the refresh
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And "Acme SB" creates the integration record "App" permitting user credentials and token-based authentication with:
      | State | Blocked |
    And Require Approval is checked in "Acme"
    When "Acme" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "App"
    Then it is refused by STATE-02
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Blocked to Waiting for Approval
    And the integration record "App" is Waiting for Approval in "Acme SB"

  # waitingForApproval --REFRESH_REMOVE--> removed
  @SBX-01 @SBX-02
  Scenario: A record waiting for approval only in the sandbox is removed by the refresh
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And a partner account "Partner"
    And "Partner" creates the integration record "App" permitting user credentials and token-based authentication
    And Require Approval is checked in "Acme SB"
    When "Acme SB" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "App"
    Then it is refused by STATE-02
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Waiting for Approval to Removed
    And the integration record "App" is Removed in "Acme SB"

  # waitingForApproval --REFRESH_COPY[SBX-03:productionEnabled]--> enabled
  @SBX-01 @SBX-03
  Scenario: A record waiting in the sandbox takes production's Enabled State on refresh
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And "Acme" creates the integration record "App" permitting user credentials and token-based authentication
    And Require Approval is checked in "Acme SB"
    When "Acme SB" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "App"
    Then it is refused by STATE-02
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Waiting for Approval to Enabled
    And the integration record "App" is Enabled in "Acme SB"

  # waitingForApproval --REFRESH_COPY[SBX-03:productionWaiting]--> waitingForApproval
  @SBX-01 @SBX-03
  Scenario: A record waiting in production stays waiting in the sandbox through a second refresh
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And "Acme SB" creates the integration record "App" permitting user credentials and token-based authentication
    And Require Approval is checked in "Acme"
    When "Acme" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "App"
    Then it is refused by STATE-02
    And the sandbox "Acme SB" is refreshed
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Waiting for Approval to Waiting for Approval
    And the integration record "App" is Waiting for Approval in "Acme SB"

  # removed --ISSUE_TOKEN--> enabled
  @TOKEN-01 @TOKEN-02
  Scenario: After a bundle uninstall, Issue Token brings the record back Enabled
    Given a partner account "Partner"
    And a customer account "Customer"
    And "Partner" creates the integration record "App" permitting user credentials and token-based authentication
    And "Partner" creates the bundle "App Bundle" containing "App"
    And "Customer" installs the bundle "App Bundle"
    And "Customer" uninstalls the bundle "App Bundle"
    When the application "App" calls the Issue Token endpoint for "Customer", receiving the token "token 1"
    Then it is accepted
    And it moves "App" in "Customer" from Removed to Enabled
    And the integration record "App" is Enabled in "Customer"

  # removed --REFRESH_COPY[SBX-03:productionEnabled]--> enabled
  @SBX-03
  Scenario: A sandbox record lost in a refresh returns with the next refresh once production holds it
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And "Acme SB" creates the integration record "App" permitting user credentials and token-based authentication
    And the sandbox "Acme SB" is refreshed
    And "Acme" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "App"
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Removed to Enabled
    And the integration record "App" is Enabled in "Acme SB"

  # removed --REFRESH_COPY[SBX-03:productionWaiting]--> waitingForApproval
  @SBX-03
  Scenario: A sandbox record lost in a refresh returns waiting when production holds it waiting
    Given a production account "Acme"
    And a sandbox "Acme SB" of "Acme"
    And "Acme SB" creates the integration record "App" permitting user credentials and token-based authentication
    And the sandbox "Acme SB" is refreshed
    And Require Approval is checked in "Acme"
    When "Acme" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "App"
    Then it is refused by STATE-02
    When the sandbox "Acme SB" is refreshed
    Then it is accepted
    And it moves "App" in "Acme SB" from Removed to Waiting for Approval
    And the integration record "App" is Waiting for Approval in "Acme SB"
