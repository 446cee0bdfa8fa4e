Feature: Authentication by endpoint version
  What a request must carry depends on the SOAP endpoint version: three eras (2015.1 and
  earlier, 2015.2 to 2020.1, 2020.2 and later). "User credentials" on login means the
  Application ID is sent once for the session; on any other operation it is request-level
  Passport credentials.

  Background:
    Given a production account "Acme"
    And "Acme" creates the integration record "App" permitting user credentials and token-based authentication
    And "Acme" creates the access token "T1" for "App"

  @AUTH-02 @AUTH-03 @AUTH-04 @AUTH-06 @FACT-06 @ASM-07
  Scenario Outline: 2015.1 and earlier: <authentication> on <operation>, endpoint <endpoint>
    When "Acme" receives a <operation> request on endpoint <endpoint> with <authentication>
    Then it is <outcome>

    Examples: user credentials, Passport, token-based, none
      | endpoint | operation         | authentication                                                                       | outcome                                 |
      | 2015.1   | login             | user credentials and the Application ID of "App"                                     | accepted                                |
      | 2015.1   | login             | user credentials                                                                     | accepted                                |
      | 2015.1   | get               | Passport and the Application ID of "App"                                             | accepted                                |
      | 2014.2   | get               | Passport                                                                             | accepted                                |
      | 2015.1   | get               | token-based authentication for "App" with token "T1"                                 | refused by AUTH-04                      |
      | 2015.1   | get               | token-based authentication for "App" with token "T1" and the Application ID of "App" | refused with "Ambiguous authentication" |
      | 2015.1   | get               | no authentication                                                                    | refused by AUTH-06                      |
      | 2015.1   | getDataCenterUrls | no authentication                                                                    | accepted                                |

  @AUTH-02 @AUTH-03 @AUTH-05 @AUTH-06
  Scenario Outline: 2015.2 to 2020.1: <authentication> on <operation>, endpoint <endpoint>
    When "Acme" receives a <operation> request on endpoint <endpoint> with <authentication>
    Then it is <outcome>

    Examples: user credentials, Passport, token-based, none
      | endpoint | operation         | authentication                                                                       | outcome                                 |
      | 2015.2   | login             | user credentials and the Application ID of "App"                                     | accepted                                |
      | 2015.2   | login             | user credentials                                                                     | refused by AUTH-05                      |
      | 2020.1   | get               | Passport and the Application ID of "App"                                             | accepted                                |
      | 2015.2   | get               | Passport                                                                             | refused by AUTH-05                      |
      | 2015.2   | get               | token-based authentication for "App" with token "T1"                                 | accepted                                |
      | 2020.1   | get               | token-based authentication for "App" with token "T1" and the Application ID of "App" | refused with "Ambiguous authentication" |
      | 2017.1   | get               | no authentication                                                                    | refused by AUTH-06                      |
      | 2020.1   | getDataCenterUrls | no authentication                                                                    | accepted                                |

  @AUTH-03 @AUTH-06 @AUTH-07 @ASM-09
  Scenario Outline: 2020.2 and later: <authentication> on <operation>, endpoint <endpoint>
    When "Acme" receives a <operation> request on endpoint <endpoint> with <authentication>
    Then it is <outcome>

    Examples: user credentials, Passport, token-based, none
      | endpoint | operation         | authentication                                                                       | outcome                                 |
      | 2020.2   | login             | user credentials and the Application ID of "App"                                     | refused by AUTH-07                      |
      | 2020.2   | ssoLogin          | user credentials                                                                     | refused by AUTH-07                      |
      | 2020.2   | get               | Passport and the Application ID of "App"                                             | refused by AUTH-07                      |
      | 2026.1   | get               | Passport                                                                             | refused by AUTH-07                      |
      | 2020.2   | get               | token-based authentication for "App" with token "T1"                                 | accepted                                |
      | 2024.2   | get               | token-based authentication for "App" with token "T1" and the Application ID of "App" | refused with "Ambiguous authentication" |
      | 2020.2   | get               | no authentication                                                                    | refused by AUTH-06                      |
      | 2026.1   | getDataCenterUrls | no authentication                                                                    | accepted                                |

  @AUTH-03
  Scenario Outline: A token-based request carrying an Application ID fails on every endpoint and operation (<endpoint>, <operation>)
    When "Acme" receives a <operation> request on endpoint <endpoint> with token-based authentication for "App" with token "T1" and the Application ID of "App"
    Then it is refused by AUTH-03
    And it is refused with "Ambiguous authentication"
    And it is refused with code USER_ERROR

    Examples:
      | endpoint | operation         |
      | 2014.2   | search            |
      | 2019.1   | upsert            |
      | 2021.1   | getDataCenterUrls |
      | 2021.1   | login             |

  @AUTH-02 @AUTH-05 @AUTH-04 @FACT-06 @LOG-01
  Scenario Outline: Which record tracks <operation> on endpoint <endpoint> with <authentication>
    When "Acme" receives a <operation> request on endpoint <endpoint> with <authentication>
    Then it is tracked by <tracking>

    Examples:
      | endpoint | operation         | authentication                                       | tracking                                     |
      | 2015.1   | get               | user credentials                                     | the Default Web Services Integrations record |
      | 2015.1   | get               | user credentials and the Application ID of "App"     | the integration record "App"                 |
      | 2019.1   | search            | user credentials and the Application ID of "App"     | the integration record "App"                 |
      | 2023.1   | get               | token-based authentication for "App" with token "T1" | the integration record "App"                 |
      | 2023.1   | getDataCenterUrls | no authentication                                    | no integration record                        |

  @AUTH-02
  Scenario: An Application ID no record has is refused; a malformed one is not a request
    When "Acme" receives a get request on endpoint 2019.1 with user credentials and an unknown Application ID
    Then it is refused by AUTH-02
    And it is refused with code INVALID_APP_ID
    When "Acme" receives a get request on endpoint 2019.1 with user credentials and a malformed Application ID
    Then it is rejected as malformed

  @AUTH-04 @FACT-06
  Scenario: Blocking the Default Web Services Integrations record blocks the requests it tracks
    Given the Default Web Services Integrations record is Blocked in "Acme"
    When "Acme" receives a get request on endpoint 2015.1 with user credentials
    Then it is refused by FACT-06
    And the Login Audit Trail shows "default_integration_blocked"
    When "Acme" receives a get request on endpoint 2015.1 with user credentials and the Application ID of "App"
    Then it is accepted

  @AUTH-05
  Scenario: Login sends the Application ID once; requests in the session are tracked by its record
    Given "Acme" receives a login request on endpoint 2019.1 for the session "S1" with user credentials and the Application ID of "App"
    When "Acme" receives a search request on endpoint 2019.1 with the session "S1"
    Then it is accepted
    And it is tracked by the integration record "App"
    And the execution log of "App" in "Acme" has 2 entries

  @AUTH-05 @FACT-13 @ASM-18
  Scenario: Wrong credentials and bad signatures are refused
    Given "Acme" has a user "Lee" whose role is integration-full
    When "Acme" receives a get request on endpoint 2019.1 with user credentials of "Lee" with a wrong password and the Application ID of "App"
    Then it is refused with code INVALID_LOGIN_CREDENTIALS
    When "Acme" receives a get request on endpoint 2019.1 with token-based authentication for "App" with token "T1" and an invalid signature
    Then it is refused by AUTH-05
    And the Login Audit Trail shows "InvalidSignature"
    When "Acme" receives a get request on endpoint 2019.1 with token-based authentication for "App" with a forged token
    Then it is refused with code INVALID_LOGIN_ATTEMPT
    And the Login Audit Trail shows "invalid_token"

  @AUTH-07 @ASM-09
  Scenario: A session opened on an older endpoint cannot be used on 2020.2 and later
    Given "Acme" receives a login request on endpoint 2020.1 for the session "S1" with user credentials and the Application ID of "App"
    When "Acme" receives a get request on endpoint 2020.2 with the session "S1"
    Then it is refused by AUTH-07
    When "Acme" receives a get request on endpoint 2020.1 with the session "S1"
    Then it is accepted

  @FACT-07
  Scenario: The login operation is not available with token-based authentication
    When "Acme" receives a login request on endpoint 2019.1 with token-based authentication for "App" with token "T1"
    Then it is refused by FACT-07

  @FACT-08 @AUTH-01 @FACT-13
  Scenario: Token-based requests need the Token-Based Authentication feature
    Given the Token-Based Authentication feature is disabled in "Acme"
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1"
    Then it is refused by FACT-08
    And the Login Audit Trail shows "FeatureDisabled"

  @FACT-04
  Scenario: An access token works only in its own account
    Given a customer account "Customer"
    And "Customer" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "App"
    When "Customer" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1"
    Then it is refused by FACT-04
    And the Login Audit Trail shows "invalid_token"

  @ASM-07 @AUTH-03 @AUTH-04
  Scenario: A request breaking several rules is refused for the most specific one
    When "Acme" receives a get request on endpoint 2014.2 with token-based authentication for "App" with a forged token and an invalid signature and the Application ID of "App"
    Then it is refused by AUTH-03
    When "Acme" receives a get request on endpoint 2014.2 with token-based authentication for "App" with a forged token
    Then it is refused by AUTH-04

  @AUTH-08
  Scenario: No page shows an Application ID where it need not be shown
    Given "Acme" has a user "Lee" whose role is integration-list
    When "Lee" in "Acme" opens the Integrations list
    Then it is accepted
    And nothing shown reveals an Application ID or a secret

  @FACT-09 @ASM-07
  Scenario: A token-based request that also carries a Passport is ambiguous
    Given "Acme" has a user "Lee" whose role is integration-full
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and the passport of "Lee"
    Then it is refused by FACT-09
    And it is refused with "Ambiguous authentication"
    And it is refused with code USER_ERROR
    When "Acme" receives a get request on endpoint 2019.1 with token-based authentication for "App" with token "T1" and the passport of "Lee" with a wrong password
    Then it is refused by FACT-09
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1"
    Then it is accepted

  @FACT-10 @ASM-07 @AUTH-05
  Scenario: A token-based request sent in an open session is ambiguous
    Given "Acme" receives a login request on endpoint 2019.1 for the session "S1" with user credentials and the Application ID of "App"
    When "Acme" receives a get request on endpoint 2019.1 with token-based authentication for "App" with token "T1" and the session "S1"
    Then it is refused by FACT-10
    And it is refused with "Ambiguous authentication"
    And the execution log of "App" in "Acme" has 1 entry

  @FACT-11 @ASM-17 @FACT-13
  Scenario: A nonce is used once per token
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and the nonce "n1"
    Then it is accepted
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and the nonce "n1"
    Then it is refused by FACT-11
    And it is refused with code INVALID_LOGIN_ATTEMPT
    And the Login Audit Trail shows "NonceUsed"
    When "Acme" receives a RESTlet GET call with token-based authentication for "App" with token "T1" and the nonce "n1"
    Then it is refused by FACT-11
    And the Login Audit Trail shows "nonce_used"
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and the nonce "n2"
    Then it is accepted
    And the execution log of "App" in "Acme" has 2 entries

  @FACT-11 @ASM-17
  Scenario: A nonce refused once can still be used
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and the nonce "n1" and an invalid signature
    Then it is refused by AUTH-05
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and the nonce "n1"
    Then it is accepted

  @FACT-12 @ASM-17 @FACT-13
  Scenario: A timestamp outside five minutes of the time received is an invalid login
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" timestamped 10 minutes ago
    Then it is refused by FACT-12
    And it is refused with code INVALID_LOGIN_ATTEMPT
    And the Login Audit Trail shows "InvalidTimestamp"
    When "Acme" receives a RESTlet POST call with token-based authentication for "App" with token "T1" timestamped 6 minutes in the future
    Then it is refused by FACT-12
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and the nonce "n1" timestamped 5 minutes ago
    Then it is accepted
    When "Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1" and the nonce "n2" timestamped 301 seconds ago
    Then it is refused by FACT-12

  @ASM-16 @ASM-19
  Scenario: A session is closed only in its own account: a logout naming another account is refused
    Given a sandbox "Acme SB" of "Acme"
    And "Acme SB" receives a login request on endpoint 2014.2 for the session "S1" with user credentials
    When "Acme" receives a logout request on endpoint 2014.2 for the session "S1"
    Then it is refused by ASM-16
    When "Acme SB" receives a get request on endpoint 2014.2 with the session "S1"
    Then it is accepted

  @FACT-14 @ASM-18
  Scenario: Requests name accounts by NetSuite account IDs; a sandbox's is its production's with _SB1
    Given a sandbox "Acme SB" of "Acme"
    And a sandbox "Acme SB 2" of "Acme"
    Then the account ID of "Acme" is seven digits
    And the account ID of "Acme SB" is the account ID of "Acme" followed by "_SB1"
    And the account ID of "Acme SB 2" is the account ID of "Acme" followed by "_SB2"

  @ASM-19 @AUTH-05 @ASM-16
  Scenario: Logout closes the session; requests in it are then refused
    Given "Acme" receives a login request on endpoint 2019.1 for the session "S1" with user credentials and the Application ID of "App"
    When "Acme" receives a logout request on endpoint 2019.1 for the session "S1"
    Then it is accepted
    When "Acme" receives a get request on endpoint 2019.1 with the session "S1"
    Then it is refused by ASM-16
    And it is refused with code INVALID_SESSION
    When "Acme" receives a get request on endpoint 2019.1 with token-based authentication for "App" with token "T1" and the session "S1"
    Then it is accepted
    When "Acme" receives a logout request on endpoint 2019.1 for the session "S1"
    Then it is accepted
    And the execution log of "App" in "Acme" has 2 entries
