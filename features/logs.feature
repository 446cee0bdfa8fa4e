Feature: Execution and usage logs
  Each record's execution log holds only that application's requests in the account; the SOAP
  web services usage log holds every request of the account.

  Background:
    Given a production account "Acme"
    And "Acme" creates the integration record "App" permitting user credentials and token-based authentication
    And "Acme" creates the integration record "Other" permitting user credentials
    And "Acme" creates the access token "T1" for "App"

  @LOG-01
  Scenario: The execution log holds the record's own requests; the usage log holds them all
    When "Acme" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    And "Acme" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Other"
    And "Acme" receives a search request on endpoint 2021.1 with token-based authentication for "App" with token "T1"
    Then the execution log of "App" in "Acme" has 2 entries
    And the execution log of "Other" in "Acme" has 1 entry
    And the SOAP web services usage log of "Acme" has 3 entries

  @LOG-01 @PERM-02
  Scenario: The execution log page lists the record's requests
    Given "Acme" receives an add request on endpoint 2019.1 with user credentials and the Application ID of "App"
    And "Acme" receives an update request on endpoint 2019.1 with user credentials and the Application ID of "Other"
    When "Acme" opens the execution log of "App"
    Then it is accepted
    And the execution log shows 1 request

  @LOG-02 @ASM-10
  Scenario: For RESTlets the execution log shows only token-based calls, and the SOAP usage log none
    When "Acme" receives a RESTlet GET call with token-based authentication for "App" with token "T1"
    Then it is tracked by the integration record "App"
    When "Acme" receives a RESTlet POST call with user credentials
    Then it is accepted
    And it is tracked by no integration record
    And the execution log of "App" in "Acme" has 1 entry
    And the SOAP web services usage log of "Acme" has 0 entries

  @ASM-10 @STATE-01
  Scenario: Token-based RESTlet calls face the record's State
    Given "Acme" blocks the integration record "App"
    When "Acme" receives a RESTlet PUT call with token-based authentication for "App" with token "T1"
    Then it is refused by STATE-01

  @ASM-06 @AUTH-06
  Scenario: Refused requests and getDataCenterUrls appear in no log
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and an invalid signature
    Then it is refused
    When "Acme" receives a getDataCenterUrls request on endpoint 2021.1 with no authentication
    Then it is accepted
    And it is tracked by no integration record
    When "Acme" receives a get request on endpoint 2021.1 with no authentication
    Then it is refused
    And the execution log of "App" in "Acme" has 0 entries
    And the SOAP web services usage log of "Acme" has 0 entries

  @FACT-06 @LOG-01
  Scenario: Requests tracked by the Default record are logged there
    When "Acme" receives a delete request on endpoint 2015.1 with user credentials
    Then the Default Web Services Integrations record of "Acme" has 1 log entry
    And the SOAP web services usage log of "Acme" has 1 entry
