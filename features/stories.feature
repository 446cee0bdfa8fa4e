Feature: End-to-end stories across accounts
  Longer stories that follow one integration through several accounts.

  @OWN-01 @FACT-02 @STATE-03 @REC-04 @OWN-04
  Scenario: A partner distributes its record to customers by bundle
    Given a partner account "Partner"
    And a customer account "Globex"
    And 2 customer accounts
    And "Partner" creates the integration record "Connector" permitting token-based authentication
    And "Partner" creates the bundle "Connector bundle" containing "Connector"
    When every customer account installs the bundle "Connector bundle"
    And "Globex" installs the bundle "Connector bundle"
    Then the integration record "Connector" is Enabled in every customer account
    And the integration record "Connector" is Enabled in "Globex"
    And the integration record "Connector" is owned by "Partner"
    When "Partner" sets the Description of "Connector" to "Version 2"
    Then it is accepted
    And the integration record "Connector" is Enabled in every customer account
    When "Globex" views the integration record "Connector"
    Then the record page shows the Description "Version 2"
    And "Globex" has 0 system notes for "Connector"

  @OWN-01 @FACT-03 @ASM-14
  Scenario: A customer uninstalls the partner's bundle and its tokens go with it
    Given a partner account "Partner"
    And a customer account "Customer"
    And "Partner" creates the integration record "Connector" permitting token-based authentication
    And "Partner" creates the bundle "Connector bundle" containing "Connector"
    And "Customer" installs the bundle "Connector bundle"
    And "Customer" creates the access token "C1" for "Connector"
    And "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "Connector" with token "C1"
    And it is accepted
    When "Customer" uninstalls the bundle "Connector bundle"
    Then it moves "Connector" in "Customer" from Enabled to Removed
    And the access token "C1" no longer exists
    When "Customer" installs the bundle "Connector bundle"
    Then it moves "Connector" in "Customer" from Removed to Enabled

  @SBX-06 @OWN-05 @OWN-02
  Scenario: A record developed in the sandbox is recreated in production
    Given a production account "Acme" with a sandbox "Acme SB"
    And "Acme SB" creates the integration record "Draft" permitting user credentials and token-based authentication
    And "Acme SB" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Draft"
    And "Acme SB" sets the Note of "Draft" to "tested"
    When "Acme" creates the integration record "Live" permitting user credentials and token-based authentication
    And "Acme" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Live"
    Then it is tracked by the integration record "Live"
    And "Acme" has full control of the integration record "Live"
    When the sandbox "Acme SB" is refreshed
    Then the integration record "Live" is Enabled in "Acme SB"
    And the integration record "Draft" is Removed in "Acme SB"

  @SBX-02 @SBX-04 @SBX-05 @ASM-13
  Scenario: After a refresh, a sandbox record is auto-installed back
    Given a production account "Acme" with a sandbox "Acme SB"
    And "Acme SB" creates the integration record "Tool" permitting user credentials
    And "Acme SB" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Tool"
    And the sandbox "Acme SB" is refreshed
    And "Acme SB" does not hold the integration record "Tool"
    When "Acme SB" receives a get request on endpoint 2019.2 with user credentials and the Application ID of "Tool"
    Then it is accepted
    And "Acme SB" got the integration record "Tool" by auto-installation
    And the execution log of "Tool" in "Acme SB" has 1 entry
    When "Acme SB" sets the Description of "Tool" to "back again"
    Then it is refused by ASM-13

  @STATE-01 @STATE-03 @LOG-01
  Scenario: A blocked record is unblocked
    Given a partner account "Partner"
    And a customer account "Customer"
    And "Partner" creates the integration record "App" permitting user credentials and token-based authentication
    And the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T1"
    And "Customer" blocks the integration record "App"
    When "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1"
    Then it is refused by STATE-01
    When "Customer" enables the integration record "App"
    And "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1"
    Then it is accepted
    And the execution log of "App" in "Customer" has 1 entry
    When "Customer" opens the Integrations list
    Then the Integrations list shows "App" as Enabled

  @FACT-05 @REC-05 @FACT-13
  Scenario: Consumer credentials are regenerated while existing tokens keep working
    Given a partner account "Partner"
    And a customer account "Customer"
    And "Partner" creates the integration record "App" permitting token-based authentication
    And the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T1"
    When "Partner" regenerates the consumer key and secret of "App"
    Then it is accepted
    And the outcome cites FACT-05
    When "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1"
    Then it is accepted
    When "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and the old consumer key
    Then it is refused by REC-05
    And the Login Audit Trail shows "consumer_key_unknown"
