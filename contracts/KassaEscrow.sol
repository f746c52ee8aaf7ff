// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

interface IERC20Like {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

/// @title Kassa's per-deposit escrow for ETH and ERC-20 tokens.
/// @notice Each deposit holds an amount for a payee until its timelock (`releaseAfter`) has passed; then
///         anyone may release it to the payee. Until `disputeUntil` (which is never after the timelock)
///         the payer may dispute it, which blocks the release until the deposit's arbiter rules. The payee
///         or the arbiter may refund the payer at any time while the funds are held or disputed.
/// @dev Every state change follows checks-effects-interactions and runs under one reentrancy lock. Tokens
///      are called with low-level calls so that tokens returning no bool (USDT on mainnet) work, and a
///      token deposit must arrive in full (fee-on-transfer tokens are refused).
contract KassaEscrow {
    enum Status {
        None,
        Held,
        Disputed,
        Released,
        Refunded
    }

    enum Ruling {
        ToPayee,
        ToPayer
    }

    struct Deposit {
        address token; // address(0) for ETH
        uint64 releaseAfter;
        address payer;
        uint64 disputeUntil;
        address payee;
        Status status;
        address arbiter;
        uint256 amount;
    }

    /// @notice The `token` of an ETH deposit.
    address public constant ETH = address(0);

    /// @notice Ids are 1, 2, 3, …; this is the last one handed out.
    uint256 public depositCount;

    mapping(uint256 id => Deposit) private _deposits;
    uint256 private _lock = 1;

    event Deposited(
        uint256 indexed id,
        address indexed token,
        address indexed payer,
        address payee,
        address arbiter,
        uint256 amount,
        uint64 releaseAfter,
        uint64 disputeUntil
    );
    event Released(uint256 indexed id, address indexed payee, uint256 amount);
    event Disputed(uint256 indexed id, address indexed payer);
    event Resolved(uint256 indexed id, address indexed arbiter, Ruling ruling);
    event Refunded(uint256 indexed id, address indexed payer, uint256 amount, address by);

    error ZeroAddress();
    error ZeroAmount();
    error InvalidSchedule(uint64 releaseAfter, uint64 disputeUntil);
    error NotAContract(address token);
    error AmountNotReceived(uint256 expected, uint256 received);
    error TokenTransferFailed(address token);
    error EthTransferFailed(address to);
    error UnknownDeposit(uint256 id);
    error NotHeld(uint256 id, Status status);
    error DepositDisputed(uint256 id);
    error NotDisputed(uint256 id, Status status);
    error TimelockActive(uint256 id, uint64 releaseAfter);
    error DisputeWindowClosed(uint256 id, uint64 disputeUntil);
    error NotPayer(address caller);
    error NotArbiter(address caller);
    error NotPayeeOrArbiter(address caller);
    error Reentrancy();

    modifier nonReentrant() {
        if (_lock != 1) revert Reentrancy();
        _lock = 2;
        _;
        _lock = 1;
    }

    /// @notice Escrows `amount` of `token`, pulled from the caller (who must have approved this contract).
    function depositToken(
        address token,
        address payer,
        address payee,
        address arbiter,
        uint256 amount,
        uint64 releaseAfter,
        uint64 disputeUntil
    ) external nonReentrant returns (uint256 id) {
        if (token.code.length == 0) revert NotAContract(token);
        id = _open(token, payer, payee, arbiter, amount, releaseAfter, disputeUntil);
        uint256 before = IERC20Like(token).balanceOf(address(this));
        _call(token, abi.encodeCall(IERC20Like.transferFrom, (msg.sender, address(this), amount)));
        uint256 received = IERC20Like(token).balanceOf(address(this)) - before;
        if (received != amount) revert AmountNotReceived(amount, received);
    }

    /// @notice Escrows the ETH sent with the call.
    function depositEth(
        address payer,
        address payee,
        address arbiter,
        uint64 releaseAfter,
        uint64 disputeUntil
    ) external payable nonReentrant returns (uint256 id) {
        id = _open(ETH, payer, payee, arbiter, msg.value, releaseAfter, disputeUntil);
    }

    /// @notice Pays a held deposit to its payee once its timelock has passed. Anyone may call it.
    function release(uint256 id) external nonReentrant {
        Deposit storage d = _deposits[id];
        _requireHeld(id, d);
        if (block.timestamp < d.releaseAfter) revert TimelockActive(id, d.releaseAfter);
        d.status = Status.Released;
        emit Released(id, d.payee, d.amount);
        _pay(d.token, d.payee, d.amount);
    }

    /// @notice The payer disputes a held deposit before its dispute window closes.
    function dispute(uint256 id) external nonReentrant {
        Deposit storage d = _deposits[id];
        _requireHeld(id, d);
        if (msg.sender != d.payer) revert NotPayer(msg.sender);
        if (block.timestamp >= d.disputeUntil) revert DisputeWindowClosed(id, d.disputeUntil);
        d.status = Status.Disputed;
        emit Disputed(id, msg.sender);
    }

    /// @notice The deposit's arbiter settles a dispute: the funds go to the payee or back to the payer.
    function resolve(uint256 id, Ruling ruling) external nonReentrant {
        Deposit storage d = _deposits[id];
        if (d.status == Status.None) revert UnknownDeposit(id);
        if (msg.sender != d.arbiter) revert NotArbiter(msg.sender);
        if (d.status != Status.Disputed) revert NotDisputed(id, d.status);
        address to = ruling == Ruling.ToPayee ? d.payee : d.payer;
        d.status = ruling == Ruling.ToPayee ? Status.Released : Status.Refunded;
        emit Resolved(id, msg.sender, ruling);
        if (ruling == Ruling.ToPayee) emit Released(id, to, d.amount);
        else emit Refunded(id, to, d.amount, msg.sender);
        _pay(d.token, to, d.amount);
    }

    /// @notice The payee or the arbiter returns a held or disputed deposit to the payer.
    function refund(uint256 id) external nonReentrant {
        Deposit storage d = _deposits[id];
        if (d.status == Status.None) revert UnknownDeposit(id);
        if (msg.sender != d.payee && msg.sender != d.arbiter) revert NotPayeeOrArbiter(msg.sender);
        if (d.status != Status.Held && d.status != Status.Disputed) revert NotHeld(id, d.status);
        d.status = Status.Refunded;
        emit Refunded(id, d.payer, d.amount, msg.sender);
        _pay(d.token, d.payer, d.amount);
    }

    function getDeposit(uint256 id) external view returns (Deposit memory) {
        return _deposits[id];
    }

    function _open(
        address token,
        address payer,
        address payee,
        address arbiter,
        uint256 amount,
        uint64 releaseAfter,
        uint64 disputeUntil
    ) private returns (uint256 id) {
        if (payer == address(0) || payee == address(0) || arbiter == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        // The window closes no later than the timelock, so a release can never race a dispute.
        if (releaseAfter <= block.timestamp || disputeUntil > releaseAfter) revert InvalidSchedule(releaseAfter, disputeUntil);
        id = ++depositCount;
        _deposits[id] = Deposit({
            token: token,
            releaseAfter: releaseAfter,
            payer: payer,
            disputeUntil: disputeUntil,
            payee: payee,
            status: Status.Held,
            arbiter: arbiter,
            amount: amount
        });
        emit Deposited(id, token, payer, payee, arbiter, amount, releaseAfter, disputeUntil);
    }

    function _requireHeld(uint256 id, Deposit storage d) private view {
        if (d.status == Status.Held) return;
        if (d.status == Status.None) revert UnknownDeposit(id);
        if (d.status == Status.Disputed) revert DepositDisputed(id);
        revert NotHeld(id, d.status);
    }

    function _pay(address token, address to, uint256 amount) private {
        if (token == ETH) {
            (bool ok, ) = to.call{value: amount}("");
            if (!ok) revert EthTransferFailed(to);
        } else {
            _call(token, abi.encodeCall(IERC20Like.transfer, (to, amount)));
        }
    }

    /// @dev A token call that must return true or nothing (USDT returns nothing); a token's own revert
    ///      (say, an allowance too small) is passed on unchanged so the caller sees why.
    function _call(address token, bytes memory data) private {
        (bool ok, bytes memory result) = token.call(data);
        if (!ok && result.length != 0) {
            assembly ("memory-safe") {
                revert(add(result, 32), mload(result))
            }
        }
        if (!ok || (result.length != 0 && (result.length != 32 || !abi.decode(result, (bool))))) revert TokenTransferFailed(token);
    }
}
